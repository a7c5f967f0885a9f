export const legalFormCodes = [
  "spa",
  "sapa",
  "srl",
  "srls",
  "cooperative",
  "partnership",
  "sole_trader",
  "other",
] as const;

export type LegalFormCode = (typeof legalFormCodes)[number];

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const entityPattern = /&(amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/g;
const maximumDecodingPasses = 5;

/**
 * Decodes the five XML named entities and numeric references (&#224; &#xE0;), repeating until nothing changes,
 * because XBRL filings escape some text twice ("Societ&amp;#224;" → "Società"). Invalid references stay as written.
 */
export function decodeXmlEntities(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < maximumDecodingPasses; pass += 1) {
    const next = decoded.replace(entityPattern, (entity, name: string) => {
      if (!name.startsWith("#")) return namedEntities[name] ?? entity;
      const isHexadecimal = name[1] === "x" || name[1] === "X";
      const codePoint = Number.parseInt(name.slice(isHexadecimal ? 2 : 1), isHexadecimal ? 16 : 10);
      const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      return codePoint > 0 && codePoint <= 0x10ffff && !isSurrogate
        ? String.fromCodePoint(codePoint)
        : entity;
    });
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

type LegalFormRule = { code: LegalFormCode; tokens: readonly string[]; phrases: readonly string[] };

// Checked in order, first match wins: cooperatives before S.r.l. ("cooperativa a responsabilità limitata"),
// S.r.l.s. before S.r.l., S.a.p.A. before S.p.A. and partnerships ("accomandita per azioni").
// Abbreviations are matched with their dots and spaces removed ("S. r. l." → "srl").
// Portuguese and Spanish forms map to the Italian form they correspond to: Lda/S.L. → srl, S.A. → spa.
// A "società consortile" takes the form it names (c.c. art. 2615-ter), so it maps like that form.
// Left as "other" on purpose: "scarl" (cooperative or consortium company), Societas Europaea (its
// minimum capital differs from an S.p.A.'s), consortia ("consorzio") and professional companies (any form).
const rules: readonly LegalFormRule[] = [
  {
    code: "cooperative",
    tokens: ["coop", "cooperativa", "cooperativo", "cooperative", "crl"],
    phrases: [],
  },
  {
    code: "srls",
    tokens: ["srls"],
    phrases: ["srl semplificata", "responsabilita limitata semplificata"],
  },
  {
    code: "sapa",
    tokens: ["sapa"],
    phrases: ["accomandita per azioni", "comandita por acoes", "comanditaria por acciones"],
  },
  {
    code: "spa",
    tokens: ["spa", "sa", "sau"],
    phrases: ["per azioni", "sociedade anonima", "sociedad anonima"],
  },
  {
    code: "srl",
    tokens: ["srl", "srlu", "lda", "sl", "slu", "slne"],
    phrases: [
      "responsabilita limitata",
      "sociedade por quotas",
      "sociedade unipessoal por quotas",
      "unipessoal",
      "sociedad limitada",
      "responsabilidad limitada",
    ],
  },
  {
    code: "partnership",
    tokens: ["snc", "sas", "ss"],
    phrases: [
      "nome collettivo",
      "accomandita semplice",
      "societa semplice",
      "societa di fatto",
      "nome coletivo",
      "nome colectivo",
      "sociedade em comandita",
      "sociedad colectiva",
      "sociedad comanditaria",
    ],
  },
  {
    code: "sole_trader",
    tokens: ["eni"],
    phrases: [
      "impresa individuale",
      "ditta individuale",
      "imprenditore individuale",
      "empresario em nome individual",
      "empresario individual",
      "autonomo",
    ],
  },
];

/**
 * Normalises a legal-form text (XBRL DatiAnagraficiFormaGiuridica, a registry label or an abbreviation,
 * Italian, Portuguese or Spanish) to a legal-form code of reference-data/legal-forms.csv; "other" when unknown.
 */
export function normaliseLegalForm(raw: string): LegalFormCode {
  const tokens = tokenise(decodeXmlEntities(raw));
  const text = ` ${tokens.join(" ")} `;
  const tokenSet = new Set(tokens);
  const rule = rules.find(
    (candidate) =>
      candidate.tokens.some((token) => tokenSet.has(token)) ||
      candidate.phrases.some((phrase) => text.includes(` ${phrase} `)),
  );
  return rule?.code ?? "other";
}

// Lower case without accents or apostrophes ("SOCIETA'" and "Società" both give "societa"); other punctuation
// separates words; runs of one-letter words are joined so that "s.r.l.", "S R L" and "SRL" all give "srl".
function tokenise(text: string): string[] {
  const words = text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  const tokens: string[] = [];
  let letterRun = "";
  for (const word of words) {
    if (word.length === 1) {
      letterRun += word;
      continue;
    }
    if (letterRun !== "") tokens.push(letterRun);
    letterRun = "";
    tokens.push(word);
  }
  if (letterRun !== "") tokens.push(letterRun);
  return tokens;
}
