import { eq } from "drizzle-orm";
import { computePartitaIvaCheckDigit } from "../../src/domain/companies/validate-tax-code.ts";
import { openDatabase } from "../../src/server/db/client.ts";
import { companies } from "../../src/server/db/schema.ts";
import { loadDemo } from "../../src/server/features/demo/load-demo.ts";
import { scoreCompanies, scoreUnscoredCompanies } from "../../src/server/features/scoring/score-companies.ts";
import { initialiseInstallation } from "../../src/server/features/system/initialise-installation.ts";
import { buildCompany, buildStatement } from "../factories/build-company.ts";
import { buildUser } from "../factories/build-user.ts";
import { textileStatementItems } from "../factories/textile-statement-items.ts";

export type E2eSeed = {
  pratoCompanyId: string;
  /** A Prato textile firm that went from green (2023) to orange (2024): deteriorating. */
  deterioratingCompany: { id: string; name: string; taxCode: string };
  bresciaCompanyId: string;
  bresciaCompanyName: string;
  users: {
    administrator: string;
    pratoAnalyst: string;
    /** A second Prato analyst whose account is in Italian (journeys in Italian change no one else's language). */
    pratoAnalystItalian: string;
    pratoRepresentative: string;
    /** An account without grants, for the administrator's grant journey. */
    newcomer: string;
  };
  password: string;
};

const password = "e2e password long enough";

/** Prepares the embedded database the browser tests' server will open: reference data, the demo, firms, users. */
export async function seedE2eDatabase(dataDir: string): Promise<E2eSeed> {
  const database = await openDatabase({ databaseUrl: undefined, dataDir, command: "e2e seed" });
  try {
    await initialiseInstallation(database, () => new Date());
    // The demo district first (it loads only into an empty register), then the journeys' own rows.
    await loadDemo({ db: database.db, clock: () => new Date() });
    // Scored here rather than by the server's background run, so the journeys never wait for it.
    await scoreUnscoredCompanies({ db: database.db, clock: () => new Date() });
    const prato = await buildCompany(database, {
      name: "Lanificio Pratese S.r.l.",
      nuts3Code: "ITI15",
      districtCode: "prato-tessile",
    });
    const brescia = await buildCompany(database, {
      name: "Rubinetterie Bresciane S.p.A.",
      nuts3Code: "ITC47",
      districtCode: "lumezzane-metalli",
    });
    for (const [companyId, scale] of [
      [prato.id, 1],
      [brescia.id, 3],
    ] as const) {
      for (const year of [2022, 2023, 2024]) {
        await buildStatement(database, companyId, year, {
          revenue: scale * (200_000_000 + year * 1000),
          totalAssets: scale * 150_000_000,
          equity: scale * 40_000_000,
          averageEmployees: scale * 12,
        });
      }
    }
    const deteriorating = await buildCompany(database, {
      name: "Tessitura Bisenzio S.r.l.",
      nuts3Code: "ITI15",
      districtCode: "prato-tessile",
    });
    const deterioratingTaxCode = `0${deteriorating.taxCode.slice(1, 10)}`;
    const validTaxCode = `${deterioratingTaxCode}${computePartitaIvaCheckDigit(deterioratingTaxCode)}`;
    await database.db
      .update(companies)
      .set({ taxCode: validTaxCode })
      .where(eq(companies.id, deteriorating.id));
    for (const [year, health] of [
      [2022, "healthy"],
      [2023, "healthy"],
      [2024, "strained"],
    ] as const) {
      await buildStatement(database, deteriorating.id, year, textileStatementItems(health));
    }
    await scoreCompanies({ db: database.db, clock: () => new Date() }, [deteriorating.id]);
    const administrator = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }], {
      email: "admin@e2e.test",
      displayName: "Ada Amministratrice",
      password,
    });
    const pratoAnalyst = await buildUser(database, [{ role: "analyst", territoryCode: "prato-tessile" }], {
      email: "analyst@e2e.test",
      displayName: "Anna Analista",
      password,
    });
    const pratoAnalystItalian = await buildUser(
      database,
      [{ role: "analyst", territoryCode: "prato-tessile" }],
      { email: "analista@e2e.test", displayName: "Alba Analista", password, locale: "it" },
    );
    const pratoRepresentative = await buildUser(
      database,
      [{ role: "company_representative", companyIds: [prato.id] }],
      {
        email: "representative@e2e.test",
        displayName: "Remo Rappresentante",
        password,
      },
    );
    const newcomer = await buildUser(database, [], {
      email: "newcomer@e2e.test",
      displayName: "Nina Nuova",
      password,
    });
    return {
      pratoCompanyId: prato.id,
      deterioratingCompany: { id: deteriorating.id, name: deteriorating.name, taxCode: validTaxCode },
      bresciaCompanyId: brescia.id,
      bresciaCompanyName: brescia.name,
      users: {
        administrator: administrator.email,
        pratoAnalyst: pratoAnalyst.email,
        pratoAnalystItalian: pratoAnalystItalian.email,
        pratoRepresentative: pratoRepresentative.email,
        newcomer: newcomer.email,
      },
      password,
    };
  } finally {
    await database.close();
  }
}
