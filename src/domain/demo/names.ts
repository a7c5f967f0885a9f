import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import type { Random } from "./prng.ts";

// Common surnames of each area and local place words (rivers, valleys, demonyms), so names read as local.
// Invented combinations: any likeness to a real firm is chance.
const surnamesByNuts3: Record<string, readonly string[]> = {
  ITI15: list(`
  Bardazzi, Bartolini, Becagli, Bellandi, Biagioli, Bini, Bruni, Calamai, Cappellini, Cecchi,
  Ciampolini, Ciardi, Conti, Fioravanti, Frilli, Giagnoni, Gori, Guarducci, Innocenti, Lenzi,
  Lucchesi, Magni, Marchi, Mariotti, Mati, Mazzoni, Meoni, Nardi, Nesti, Niccolai, Pacini, Paoletti,
  Parigi, Pecchioli, Risaliti, Santini, Sarti, Tempestini, Vannucchi, Vestri
`),
  ITC47: list(`
  Belleri, Bertoglio, Bertoli, Bettinsoli, Bettoni, Bonomi, Bossini, Bregoli, Cavagna, Cominelli,
  Facchini, Ferraglio, Franzoni, Freddi, Gatta, Ghidini, Ghirardi, Gitti, Gnutti, Moretti, Mutti,
  Pasotti, Pedretti, Peli, Piardi, Pintossi, Poli, Prandelli, Ragni, Rizzini, Saleri, Tanghetti,
  Tonni, Zanetti, Zani, Zubani
`),
  PT119: list(`
  Abreu, Antunes, Araújo, Carvalho, Castro, Coelho, Costa, Cunha, Dias, Faria, Fernandes, Ferreira,
  Freitas, Gonçalves, Leite, Lopes, Machado, Magalhães, Marques, Martins, Mendes, Moreira, Oliveira,
  Pereira, Ribeiro, Salgado, Silva, Sousa, Teixeira, Vieira
`),
};

const fallbackSurnamesByCountry: Record<string, readonly string[]> = {
  IT: ["Bianchi", "Bruno", "Colombo", "Costa", "Ferrari", "Gallo", "Greco", "Lombardi", "Ricci", "Rossi"],
  PT: ["Costa", "Ferreira", "Martins", "Oliveira", "Pereira", "Silva", "Sousa"],
};

const placeWordsByNuts3: Record<string, readonly string[]> = {
  ITI15: ["Bisenzio", "Calvana", "Etruria", "Medicea", "Montemurlo", "Pratese", "Toscana", "Vaiano"],
  ITC47: ["Bresciana", "Lombarda", "Mella", "Valgobbia", "Valtrompia"],
  PT119: ["do Ave", "do Minho", "de Vizela", "do Selho", "Vimaranense", "Famalicense"],
};

const italianStreets = list(`
  Via dell'Industria, Via dell'Artigianato, Via del Lavoro, Via Galileo Galilei, Via Enrico Fermi,
  Via Guglielmo Marconi, Via Giuseppe Garibaldi, Via Giuseppe Mazzini, Via Camillo Cavour,
  Via Giacomo Matteotti, Via Antonio Gramsci, Via Leonardo da Vinci, Viale della Repubblica,
  Via Roma, Via XX Settembre, Via IV Novembre, Via dei Mille, Via Alessandro Volta, Via Aldo Moro,
  Via delle Fabbriche
`);

const portugueseStreets = list(`
  Rua da Indústria, Avenida da República, Rua do Comércio, Rua Nova, Rua 25 de Abril,
  Avenida D. Afonso Henriques, Rua Dr. Francisco Sá Carneiro, Rua de Santo António, Rua da Liberdade,
  Travessa da Fábrica, Rua das Fontainhas, Rua de São Tiago, Rua A da Zona Industrial
`);

// The municipalities of NUTS 3 Ave (PT119), weighted towards the textile towns.
const portugueseTownsByNuts3: Record<string, readonly { item: string; weight: number }[]> = {
  PT119: [
    { item: "Guimarães", weight: 40 },
    { item: "Vila Nova de Famalicão", weight: 30 },
    { item: "Vizela", weight: 9 },
    { item: "Fafe", weight: 9 },
    { item: "Póvoa de Lanhoso", weight: 5 },
    { item: "Cabeceiras de Basto", weight: 3 },
    { item: "Vieira do Minho", weight: 2 },
    { item: "Mondim de Basto", weight: 2 },
  ],
};

const italianLegalFormSuffixes: Record<LegalFormCode, string> = {
  spa: "S.p.A.",
  sapa: "S.a.p.A.",
  srl: "S.r.l.",
  srls: "S.r.l.s.",
  cooperative: "Società Cooperativa",
  partnership: "S.n.c.",
  sole_trader: "",
  other: "",
};

export interface CompanyNameContext {
  country: string;
  nuts3: string;
  legalForm: LegalFormCode;
  nameWords: readonly string[];
  /** Portuguese single-member companies add "Unipessoal" to the form. */
  isSingleMember: boolean;
}

const maximumAttempts = 50;

/** A company name, with its legal form, plausible for the area and not yet in `usedNames` (which it joins). */
export function createCompanyName(
  random: Random,
  context: CompanyNameContext,
  usedNames: Set<string>,
): string {
  for (let attempt = 0; attempt < maximumAttempts; attempt += 1) {
    const base =
      context.country === "PT" ? createPortugueseBase(random, context) : createItalianBase(random, context);
    // After many collisions, a second surname widens the space enough to always find a free name.
    const widened = attempt < maximumAttempts / 2 ? base : `${base} ${random.pick(surnamesFor(context))}`;
    const name = `${widened}${legalFormSuffix(context)}`;
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
  throw new Error("No unused company name found");
}

/** A street and house number (and the town, for Portuguese companies, which carry no municipality code). */
export function createAddress(random: Random, country: string, nuts3: string): string {
  const number = random.integer(1, 180);
  if (country === "PT") {
    const towns = portugueseTownsByNuts3[nuts3];
    const street = `${random.pick(portugueseStreets)}, ${number}`;
    return towns ? `${street}, ${random.pickWeighted(towns)}` : street;
  }
  const suffix = random.chance(0.08) ? `/${random.pick(["A", "B", "C"])}` : "";
  return `${random.pick(italianStreets)}, ${number}${suffix}`;
}

function createItalianBase(random: Random, context: CompanyNameContext): string {
  const word = random.pick(context.nameWords);
  const surname = random.pick(surnamesFor(context));
  const place = random.pick(placeWordsByNuts3[context.nuts3] ?? ["Italia"]);
  const pattern = random.pickWeighted([
    { item: () => `${word} ${surname}`, weight: 30 },
    { item: () => `${surname} ${word}`, weight: 22 },
    { item: () => `${word} F.lli ${surname}`, weight: 12 },
    { item: () => `${word} ${place}`, weight: 12 },
    { item: () => `Nuova ${word} ${place}`, weight: 6 },
    { item: () => `${surname} & ${random.pick(surnamesFor(context))}`, weight: 8 },
  ]);
  return pattern();
}

function createPortugueseBase(random: Random, context: CompanyNameContext): string {
  const word = random.pick(context.nameWords);
  const surname = random.pick(surnamesFor(context));
  const place = random.pick(placeWordsByNuts3[context.nuts3] ?? ["de Portugal"]);
  const pattern = random.pickWeighted([
    { item: () => `${word} ${surname}`, weight: 30 },
    { item: () => `${surname} & Filhos`, weight: 14 },
    { item: () => `${word} ${place}`, weight: 14 },
    { item: () => `${word} ${surname} ${random.pick(surnamesFor(context))}`, weight: 18 },
  ]);
  return pattern();
}

function surnamesFor(context: CompanyNameContext): readonly string[] {
  return surnamesByNuts3[context.nuts3] ?? fallbackSurnamesByCountry[context.country] ?? ["Rossi"];
}

function legalFormSuffix(context: CompanyNameContext): string {
  if (context.country === "PT") {
    if (context.legalForm === "spa") return ", S.A.";
    return context.isSingleMember ? ", Unipessoal Lda" : ", Lda";
  }
  const suffix = italianLegalFormSuffixes[context.legalForm];
  return suffix === "" ? "" : ` ${suffix}`;
}

/** Splits a comma-separated list written over several lines (keeps long word lists compact). */
function list(text: string): readonly string[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
