import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the shipped file as text; biome.json bars node:fs everywhere in src/domain.
import legalFormsCsv from "../../../reference-data/legal-forms.csv?raw";
import { parseCsvRecords } from "../shared/parse-csv.ts";
import { decodeXmlEntities, legalFormCodes, normaliseLegalForm } from "./normalise-legal-form.ts";

describe(decodeXmlEntities, () => {
  it.each([
    {
      raw: "Societ&amp;#224; a responsabilit&amp;#224; limitata",
      decoded: "Società a responsabilità limitata",
      condition: "escaped twice (Pucci fixture)",
    },
    {
      raw: "SOCIETA&amp;#39; A RESPONSABILITA&amp;#39; LIMITATA",
      decoded: "SOCIETA' A RESPONSABILITA' LIMITATA",
      condition: "escaped twice (Animeshon fixture)",
    },
    { raw: "Societ&#224;", decoded: "Società", condition: "a decimal reference" },
    { raw: "Societ&#xE0; &#Xe0;", decoded: "Società à", condition: "hexadecimal references in either case" },
    { raw: "&amp;amp;amp;", decoded: "&", condition: "escaped three times" },
    {
      raw: "&lt;a&gt; &quot;b&quot; &apos;c&apos;",
      decoded: "<a> \"b\" 'c'",
      condition: "the five named entities",
    },
    { raw: "S.r.l.", decoded: "S.r.l.", condition: "no entity" },
    { raw: "Rossi & C.", decoded: "Rossi & C.", condition: "a bare ampersand" },
    { raw: "&nbsp;&copy;", decoded: "&nbsp;&copy;", condition: "HTML-only named entities" },
    {
      raw: "&#0;&#1114112;&#xD800;",
      decoded: "&#0;&#1114112;&#xD800;",
      condition: "references to invalid code points",
    },
    { raw: "&#128512;", decoded: "😀", condition: "a code point beyond the basic plane" },
  ])("decodes $condition", ({ raw, decoded }) => {
    expect(decodeXmlEntities(raw)).toBe(decoded);
  });
});

describe(normaliseLegalForm, () => {
  it.each([
    // Raw DatiAnagraficiFormaGiuridica texts of /work/shared/fixtures/xbrl/, copied with their escaping.
    {
      raw: "Societ&amp;#224; a responsabilit&amp;#224; limitata\n",
      code: "srl",
      source: "it-pucci-srl-2024-ordinary.xbrl",
    },
    {
      raw: "SOCIETA&amp;#39; A RESPONSABILITA&amp;#39; LIMITATA\n",
      code: "srl",
      source: "it-animeshon-srl-2020/2021-micro.xbrl",
    },
  ])("returns $code for the fixture text of $source", ({ raw, code }) => {
    expect(normaliseLegalForm(raw)).toBe(code);
  });

  it.each([
    { raw: "S.R.L.", code: "srl" },
    { raw: "SRL", code: "srl" },
    { raw: "s.r.l.", code: "srl" },
    { raw: "S. r. l.", code: "srl" },
    { raw: "Srl unipersonale", code: "srl" },
    { raw: "Società a responsabilità limitata con unico socio", code: "srl" },
    { raw: "SOCIETA' A RESPONSABILITA' LIMITATA A CAPITALE RIDOTTO", code: "srl" },
    { raw: "Società consortile a responsabilità limitata", code: "srl" },
    { raw: "s.r.l.s.", code: "srls" },
    { raw: "SRLS", code: "srls" },
    { raw: "S.r.l. semplificata", code: "srls" },
    { raw: "Società a responsabilità limitata semplificata", code: "srls" },
    { raw: "S.P.A.", code: "spa" },
    { raw: "SpA", code: "spa" },
    { raw: "S.p.A.", code: "spa" },
    { raw: "Società per azioni", code: "spa" },
    { raw: "SOCIETA' CONSORTILE PER AZIONI", code: "spa" },
    { raw: "S.A.P.A.", code: "sapa" },
    { raw: "S.a.p.A.", code: "sapa" },
    { raw: "Società in accomandita per azioni", code: "sapa" },
    { raw: "S.N.C.", code: "partnership" },
    { raw: "snc", code: "partnership" },
    { raw: "S.A.S.", code: "partnership" },
    { raw: "Società in nome collettivo", code: "partnership" },
    { raw: "SOCIETA' IN ACCOMANDITA SEMPLICE", code: "partnership" },
    { raw: "Società semplice", code: "partnership" },
    { raw: "soc. coop.", code: "cooperative" },
    { raw: "Soc. Coop. a r.l.", code: "cooperative" },
    { raw: "società cooperativa", code: "cooperative" },
    { raw: "SOCIETA' COOPERATIVA A RESPONSABILITA' LIMITATA", code: "cooperative" },
    { raw: "Società cooperativa consortile", code: "cooperative" },
    { raw: "impresa individuale", code: "sole_trader" },
    { raw: "Ditta individuale", code: "sole_trader" },
    { raw: "IMPRENDITORE INDIVIDUALE", code: "sole_trader" },
  ])("maps the Italian form $raw to $code", ({ raw, code }) => {
    expect(normaliseLegalForm(raw)).toBe(code);
  });

  it.each([
    { raw: "Lda", code: "srl", meaning: "PT sociedade por quotas" },
    { raw: "Unipessoal Lda", code: "srl", meaning: "PT single-member sociedade por quotas" },
    { raw: "Sociedade por Quotas", code: "srl", meaning: "PT private limited company" },
    { raw: "S.A.", code: "spa", meaning: "PT/ES sociedade/sociedad anónima" },
    { raw: "Sociedade Anónima", code: "spa", meaning: "PT public limited company" },
    {
      raw: "Sociedad Anónima Unipersonal (S.A.U.)",
      code: "spa",
      meaning: "ES single-member public limited company",
    },
    { raw: "S.L.", code: "srl", meaning: "ES sociedad limitada" },
    { raw: "S.L.U.", code: "srl", meaning: "ES single-member sociedad limitada" },
    { raw: "Sociedad de Responsabilidad Limitada", code: "srl", meaning: "ES private limited company" },
    { raw: "Sociedad Limitada Nueva Empresa", code: "srl", meaning: "ES SLNE" },
    { raw: "Sociedade em Nome Colectivo", code: "partnership", meaning: "PT general partnership" },
    { raw: "Sociedad Colectiva", code: "partnership", meaning: "ES general partnership" },
    { raw: "Sociedad Comanditaria por Acciones", code: "sapa", meaning: "ES partnership limited by shares" },
    { raw: "Cooperativa", code: "cooperative", meaning: "PT/ES cooperative" },
    { raw: "S. Coop.", code: "cooperative", meaning: "ES sociedad cooperativa" },
    { raw: "Empresário em nome individual", code: "sole_trader", meaning: "PT ENI" },
    { raw: "Empresario individual (autónomo)", code: "sole_trader", meaning: "ES sole trader" },
  ])("maps $raw ($meaning) to $code", ({ raw, code }) => {
    expect(normaliseLegalForm(raw)).toBe(code);
  });

  it.each([
    { raw: "", condition: "empty text" },
    { raw: "   ", condition: "blank text" },
    { raw: "Consorzio", condition: "a consortium" },
    { raw: "S.c.a r.l.", condition: "the ambiguous abbreviation scarl (cooperative or consortium)" },
    { raw: "Società europea", condition: "a Societas Europaea" },
    { raw: "Fondazione", condition: "a foundation" },
    { raw: "Associazione", condition: "an association" },
    { raw: "GmbH", condition: "a form of another country" },
  ])("returns other for $condition", ({ raw }) => {
    expect(normaliseLegalForm(raw)).toBe("other");
  });
});

describe("legalFormCodes", () => {
  it("lists the same codes, in the same order, as reference-data/legal-forms.csv", () => {
    expect(parseCsvRecords(legalFormsCsv).map((record) => record.code)).toEqual([...legalFormCodes]);
  });
});
