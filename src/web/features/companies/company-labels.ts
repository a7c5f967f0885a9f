import type { Role } from "../../../domain/access/roles.ts";

/** The roles that may register, edit and import companies (the server checks the same). */
export const editorRoles: readonly Role[] = ["administrator", "analyst"];

export type InterfaceLanguage = "it" | "en";

export function interfaceLanguage(language: string): InterfaceLanguage {
  return language === "en" ? "en" : "it";
}

/** A text with the language it is written in, so that screen readers pronounce it right. */
export type LocalisedText = { text: string; lang: InterfaceLanguage };

/**
 * ATECO publishes section and division titles in capitals ("ATTIVITÀ MANIFATTURIERE"); shown in a
 * table they shout, so an all-capitals title becomes sentence case. Mixed-case titles stay as written.
 */
export function toSentenceCase(title: string): string {
  if (title !== title.toUpperCase()) return title;
  const lower = title.toLocaleLowerCase("it");
  return lower.charAt(0).toLocaleUpperCase("it") + lower.slice(1);
}

/** The sector title in the interface language; the Italian one when ATECO has no English title. */
export function sectorTitle(
  sector: { sectorTitleIt: string | null; sectorTitleEn: string | null },
  language: string,
): LocalisedText | undefined {
  if (interfaceLanguage(language) === "en" && sector.sectorTitleEn)
    return { text: toSentenceCase(sector.sectorTitleEn), lang: "en" };
  if (sector.sectorTitleIt) return { text: toSentenceCase(sector.sectorTitleIt), lang: "it" };
  if (sector.sectorTitleEn) return { text: toSentenceCase(sector.sectorTitleEn), lang: "en" };
  return undefined;
}

/** The same choice for a reference-data sector ({ titleIt, titleEn }). */
export function referenceSectorTitle(
  sector: { titleIt: string; titleEn: string | null },
  language: string,
): LocalisedText {
  return (
    sectorTitle({ sectorTitleIt: sector.titleIt, sectorTitleEn: sector.titleEn }, language) ?? {
      text: sector.titleIt,
      lang: "it",
    }
  );
}

/** The district's name in the interface language, or undefined when the company is not placed. */
export function districtName(
  company: { districtCode: string | null; districtNameIt: string | null; districtNameEn: string | null },
  language: string,
): string | undefined {
  if (!company.districtCode) return undefined;
  const name = interfaceLanguage(language) === "en" ? company.districtNameEn : company.districtNameIt;
  return name ?? company.districtNameIt ?? company.districtNameEn ?? company.districtCode;
}

/** The badge colour of each EU size class (2003/361/EC); unknown is muted. */
export const sizeClassBadge: Record<"micro" | "small" | "medium" | "large" | "unknown", string> = {
  micro: "badge companies-size companies-size--micro",
  small: "badge companies-size companies-size--small",
  medium: "badge companies-size companies-size--medium",
  large: "badge companies-size companies-size--large",
  unknown: "badge companies-size companies-size--unknown",
};
