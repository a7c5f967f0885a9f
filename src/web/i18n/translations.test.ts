import { describe, expect, it } from "vitest";
import adminEn from "./locales/admin.en.json";
import adminIt from "./locales/admin.it.json";
import companiesEn from "./locales/companies.en.json";
import companiesIt from "./locales/companies.it.json";
import detectionEn from "./locales/detection.en.json";
import detectionIt from "./locales/detection.it.json";
import districtsEn from "./locales/districts.en.json";
import districtsIt from "./locales/districts.it.json";
import en from "./locales/en.json";
import it_ from "./locales/it.json";
import notificationsEn from "./locales/notifications.en.json";
import notificationsIt from "./locales/notifications.it.json";
import riskEn from "./locales/risk.en.json";
import riskIt from "./locales/risk.it.json";
import seriesEn from "./locales/series.en.json";
import seriesIt from "./locales/series.it.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function emptyKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? value.trim() === ""
        ? [`${prefix}${key}`]
        : []
      : emptyKeys(value, `${prefix}${key}.`),
  );
}

const namespaces: [string, Tree, Tree][] = [
  ["translation", it_, en],
  ["admin", adminIt, adminEn],
  ["companies", companiesIt, companiesEn],
  ["detection", detectionIt, detectionEn],
  ["risk", riskIt, riskEn],
  ["districts", districtsIt, districtsEn],
  ["series", seriesIt, seriesEn],
  ["notifications", notificationsIt, notificationsEn],
];

describe.each(namespaces)("translations (%s)", (_namespace, it_, en) => {
  it("have the same keys in Italian and English", () => {
    expect(keys(it_).sort()).toEqual(keys(en).sort());
  });

  it("have no empty strings", () => {
    expect([...emptyKeys(it_), ...emptyKeys(en)]).toEqual([]);
  });

  it("use the same interpolation variables in both languages", () => {
    const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((match) => match[1]).sort();
    const lookup = (tree: Tree, path: string) =>
      path
        .split(".")
        .reduce<string | Tree>((node, part) => (node as Tree)[part] as string | Tree, tree) as string;
    for (const key of keys(en)) {
      expect(variables(lookup(it_, key)), key).toEqual(variables(lookup(en, key)));
    }
  });
});
