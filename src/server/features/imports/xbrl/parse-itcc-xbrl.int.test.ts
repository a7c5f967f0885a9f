import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../../paths.ts";
import { parseItccXbrl, type XbrlParseResult } from "./parse-itcc-xbrl.ts";

// Real filings (../shared/fixtures/README.md). Every expected value below was read off the filing by hand:
// the comment names the fact and the euro amount as filed; cents = euro × 100.
const fixturesFolder = path.resolve(packageRoot, "../shared/fixtures/xbrl");
const readFiling = (fileName: string) => fs.readFileSync(path.join(fixturesFolder, fileName), "utf8");

function findPeriod(result: XbrlParseResult, periodEndOn: string) {
  const period = result.periods.find((candidate) => candidate.periodEndOn === periodEndOn);
  if (!period) throw new Error(`no period ending ${periodEndOn}`);
  return period;
}

describe(parseItccXbrl, () => {
  it("reads Animeshon 2020, a micro filing of a short first year with no comparative", async () => {
    const result = await parseItccXbrl(readFiling("it-animeshon-srl-2020-micro.xbrl"));

    expect(result.format).toBe("micro"); // link:schemaRef href="itcc-ci-micr-2018-11-04.xsd"
    expect(result.formatSource).toBe("schema_ref");
    expect(result.identity).toMatchObject({
      taxCode: "03072020211",
      isTaxCodeValid: true,
      name: "ANIMESHON SRL",
      legalFormRaw: "SOCIETA&#39; A RESPONSABILITA&#39; LIMITATA", // filed as SOCIETA&amp;#39; …
      legalFormText: "SOCIETA' A RESPONSABILITA' LIMITATA",
      legalFormCode: "srl",
      atecoCode: "63.12.00", // filed dotted, stays as is
      registeredOffice: "VIA ROMA 2B, 39010 GARGAZZONE (BZ)",
    });
    // One duration context only, D_12-05-20_31-12-20: 20 days of May + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 234.
    expect(result.periods).toHaveLength(1);
    const own = findPeriod(result, "2020-12-31");
    expect(own).toMatchObject({
      periodStartOn: "2020-05-12",
      isOwnPeriod: true,
      lengthDays: 234,
      isShortPeriod: true,
    });
    expect(own.items.totalAssets).toBe(12_243_700); // TotaleAttivo 122437
    expect(own.items.equity).toBe(4_649_100); // TotalePatrimonioNetto 46491
    expect(own.items.debts).toBe(1_270_400); // TotaleDebiti 12704
    expect(own.items.debtsDueWithinOneYear).toBe(1_270_400); // DebitiEsigibiliEntroEsercizioSuccessivo 12704
    expect(own.withinOneYearSources.debtsDueWithinOneYear).toBe("aggregate_line");
    expect(own.items.receivablesDueWithinOneYear).toBe(11_559_100); // CreditiEsigibiliEntro… 115591
    expect(own.items.accruedLiabilitiesAndDeferredIncome).toBe(6_324_200); // PassivoRateiRisconti 63242
    expect(own.items.netResult).toBe(3_249_100); // UtilePerditaEsercizio 32491
    // A.5 other income 357 (grants) + 51454 (other) = 51811 = TotaleValoreProduzione; A.1 is not filed at all.
    expect(own.items.valueOfProduction).toBe(5_181_100);
    expect(own.items).not.toHaveProperty("revenue");

    // 46491 equity + 12704 debts + 63242 accrued liabilities = 122437 = total assets.
    const report = result.report.periods[0];
    expect(report?.isBalanced).toBe(true);
    // The omitted A.1 reads as zero for the engine, but checkStatement names it: a key item the filing left out.
    expect(report?.findings).toEqual([{ code: "key_item_missing", severity: "warning", itemId: "revenue" }]);
    expect(result.report.hasErrors).toBe(false);
  });

  it("reads Animeshon 2021: revenue A.1 filed as zero while the value of production is A.5, and a full-year comparative", async () => {
    const result = await parseItccXbrl(readFiling("it-animeshon-srl-2021-micro.xbrl"));

    expect(result.format).toBe("micro");
    expect(result.identity).toMatchObject({
      taxCode: "03072020211",
      name: "ANIMESHON", // this year's filing drops the "SRL" the 2020 one had
      legalFormCode: "srl",
      atecoCode: "63.12.00",
    });
    expect(
      result.periods.map((period) => [period.periodStartOn, period.periodEndOn, period.isOwnPeriod]),
    ).toEqual([
      ["2021-01-01", "2021-12-31", true],
      // The comparative context D_01-01-20_31-12-20 restates 2020 as a calendar year (the company began 2020-05-12).
      ["2020-01-01", "2020-12-31", false],
    ]);
    const own = findPeriod(result, "2021-12-31");
    expect(own).toMatchObject({ lengthDays: 365, isShortPeriod: false });
    expect(own.items.revenue).toBe(0); // ValoreProduzioneRicaviVenditePrestazioni 0
    expect(own.items.valueOfProduction).toBe(6_835_200); // TotaleValoreProduzione 68352 = A.5 altri 68352
    expect(own.items.totalAssets).toBe(12_002_700); // TotaleAttivo 120027
    expect(own.items.equity).toBe(6_329_100); // 9000 capital + 1800 legal reserve + 35691 other + 16800 result = 63291
    expect(own.items.debts).toBe(5_673_600); // TotaleDebiti 56736
    expect(own.items.debtsDueWithinOneYear).toBe(5_673_600); // DebitiEsigibiliEntroEsercizioSuccessivo 56736
    expect(own.items.netResult).toBe(1_680_000); // UtilePerditaEsercizio 16800
    expect(own.items.interestAndOtherFinancialCharges).toBe(91_500); // C.17 915
    expect(own.items.financialIncomeAndCharges).toBe(-91_900); // C: 41 income − 915 charges − 45 exchange = −919

    const comparative = findPeriod(result, "2020-12-31");
    expect(comparative).toMatchObject({ lengthDays: 366, isShortPeriod: false }); // 2020 is a leap year
    expect(comparative.items.revenue).toBe(0);
    expect(comparative.items.valueOfProduction).toBe(5_181_100); // 51811, the same as the 2020 filing
    expect(comparative.items.totalAssets).toBe(12_243_700); // 122437
    expect(comparative.items.equity).toBe(4_649_100); // 46491
    expect(comparative.items.debtsDueWithinOneYear).toBe(1_270_400); // 12704
    expect(comparative.items.netResult).toBe(3_249_100); // 32491

    // 2021: 63291 + 56736 = 120027 (no provisions, TFR or accruals filed); 2020: 46491 + 12704 + 63242 = 122437.
    expect(result.report.periods.map((period) => [period.isBalanced, period.findings])).toEqual([
      [true, []],
      [true, []],
    ]);
  });

  it("reads Pucci 2024, an ordinary filing whose contexts name the software, with the notes' totals for 2024 only", async () => {
    const result = await parseItccXbrl(readFiling("it-pucci-srl-2024-ordinary.xbrl"));

    expect(result.format).toBe("ordinary"); // itcc-ci-ese-2018-11-04.xsd
    expect(result.taxonomyDate).toBe("2018-11-04");
    expect(result.identity).toMatchObject({
      taxCode: "02353550391",
      isTaxCodeValid: true,
      name: "PUCCI S.R.L.",
      legalFormRaw: "Societ&#224; a responsabilit&#224; limitata", // filed as Societ&amp;#224; …
      legalFormText: "Società a responsabilità limitata",
      legalFormCode: "srl",
      atecoRaw: "103900",
      atecoCode: "10.39.00",
      registeredOffice: "Lugo",
      // The contexts' identifier is Wolters Kluwer's code (COMPCODE in the file's first comment), not Pucci's.
      contextEntityIdentifier: "10209790152",
    });
    const own = findPeriod(result, "2024-12-31");
    expect(own).toMatchObject({
      periodStartOn: "2024-01-01",
      isOwnPeriod: true,
      lengthDays: 366,
      isShortPeriod: false,
    });
    expect(own.items.totalAssets).toBe(3_669_954_700); // TotaleAttivo 36699547
    expect(own.items.equity).toBe(427_212_400); // TotalePatrimonioNetto 4272124
    expect(own.items.debts).toBe(2_987_336_700); // TotaleDebiti 29873367
    // Notes' total TotaleDebitiQuotaScadenteEntroEsercizio 17254738, which the per-type lines confirm:
    // banks 11926724 + suppliers 4324855 + tax 180944 + social security 11437 + other 810778 = 17254738.
    expect(own.items.debtsDueWithinOneYear).toBe(1_725_473_800);
    expect(own.withinOneYearSources.debtsDueWithinOneYear).toBe("notes_total");
    // TotaleCreditiIscrittiAttivoCircolanteQuotaScadenteEntroEsercizio 2688056 = 2230774 + 455776 + 1506.
    expect(own.items.receivablesDueWithinOneYear).toBe(268_805_600);
    expect(own.items.revenue).toBe(2_907_515_700); // A.1 29075157
    expect(own.items.valueOfProduction).toBe(2_865_530_800); // A 28655308 (finished goods fell by 1296516)
    expect(own.items.netResult).toBe(1_074_600); // UtilePerditaEsercizio 10746
    expect(own.items.taxDebts).toBe(18_094_400); // D.12 180944
    expect(own.items.socialSecurityDebts).toBe(1_143_700); // D.13 11437
    expect(own.items.retainedEarnings).toBe(-6_853_300); // PatrimonioNettoUtiliPerditePortatiNuovo −68533
    expect(own.items.nonMonetaryAdjustments).toBe(338_658_000); // 189973 provisions + 3196607 depreciation = 3386580
    expect(own.items.averageEmployees).toBe(73); // TotaleDipendentiNumeroMedio 73 (filed twice, unitRef EUR)

    const comparative = findPeriod(result, "2023-12-31");
    expect(comparative).toMatchObject({ periodStartOn: "2023-01-01", isOwnPeriod: false, lengthDays: 365 });
    expect(comparative.items.totalAssets).toBe(3_652_536_200); // 36525362
    expect(comparative.items.equity).toBe(427_123_400); // 4271234
    expect(comparative.items.debts).toBe(2_965_569_300); // 29655693
    expect(comparative.items.netResult).toBe(2_891_400); // 28914
    // No notes' totals for 2023, so the per-type lines are summed:
    // debts 11148309 + 4740388 + 163897 + 17109 + 556060 = 16625763; receivables 1885085 + 2182338 + 11229 = 4078652.
    expect(comparative.items.debtsDueWithinOneYear).toBe(1_662_576_300);
    expect(comparative.items.receivablesDueWithinOneYear).toBe(407_865_200);
    expect(comparative.withinOneYearSources).toEqual({
      receivablesDueWithinOneYear: "sum_of_lines",
      debtsDueWithinOneYear: "sum_of_lines",
    });
    expect(comparative.items).not.toHaveProperty("averageEmployees"); // headcount filed for 2024 only

    // 2024: 4272124 + 557089 provisions + 962963 TFR + 29873367 + 1034004 accruals = 36699547;
    // 2023: 4271234 + 557089 + 1047222 + 29655693 + 994124 = 36525362.
    expect(result.report.periods.map((period) => [period.isBalanced, period.findings])).toEqual([
      [true, []],
      [true, []],
    ]);
    // Notes' text blocks, details and the geographic tuples are not catalogue items; they are counted, not lost.
    expect(result.report.unknownElementCount).toBeGreaterThan(400);
    expect(result.report.unknownLocalNames).toContain("DebitiDebitiAreaGeografica");
    expect(result.report.conflictingFacts).toEqual([]);
  });

  it("gives the same result when the bytes arrive in 512-byte chunks split inside UTF-8 characters", async () => {
    const bytes = fs.readFileSync(path.join(fixturesFolder, "it-pucci-srl-2024-ordinary.xbrl"));
    const chunkSize = 512;
    // The file's non-ASCII characters are few; size the first chunk so a later boundary falls right after
    // the first lead byte of a multi-byte character ("à" is C3 A0), then cut every 512 bytes.
    const firstSplitAt = bytes.findIndex((byte) => byte >= 0xc0) + 1;
    const boundaries = [firstSplitAt % chunkSize || chunkSize];
    while ((boundaries.at(-1) ?? 0) < bytes.length) boundaries.push((boundaries.at(-1) ?? 0) + chunkSize);
    const isContinuationByte = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;
    const splitCharacters = boundaries.filter((boundary) => isContinuationByte(bytes[boundary])).length;
    expect(splitCharacters).toBeGreaterThan(0);
    async function* chunks() {
      let start = 0;
      for (const end of boundaries) {
        yield new Uint8Array(bytes.subarray(start, end));
        start = end;
      }
    }

    const streamed = await parseItccXbrl(chunks());
    const whole = await parseItccXbrl(bytes.toString("utf8"));

    expect(streamed).toEqual(whole);
    expect(streamed.byteCount).toBe(355_227); // the file's size (fixtures README)
  });

  it("tells the format from the entry-point namespace, then from the facts, when the schemaRef names no entry point", async () => {
    const filing = readFiling("it-animeshon-srl-2020-micro.xbrl").replace(
      'xlink:href="itcc-ci-micr-2018-11-04.xsd"',
      'xlink:href="taxonomy.xsd"',
    );
    const byNamespace = await parseItccXbrl(filing);
    expect([byNamespace.format, byNamespace.formatSource]).toEqual(["micro", "namespace"]);

    const withoutNamespace = filing.replace("/ci/micr/2018-11-04", "/other/2018-11-04");
    const byFacts = await parseItccXbrl(withoutNamespace);
    // IntroduzioneInformazioniCalceAlloStatoPatrimonialeMicro is a text block only the micro schema has.
    expect([byFacts.format, byFacts.formatSource]).toEqual(["micro", "facts"]);
  });
});
