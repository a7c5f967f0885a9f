import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { buildDistrict, buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import { DetectionPageSchema } from "../../../contracts/detection.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { companies } from "../../db/schema.ts";
import { createLogger } from "../../logging/logger.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";
import {
  createDetectionPageCache,
  type DetectionPageCache,
  detectionListChannel,
  startDetectionPageCache,
} from "./detection-page-cache.ts";

let database: DatabaseHandle;
let cache: DetectionPageCache;
let stopCache: () => Promise<void>;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = await startDetectionPageCache({ database, logger: createLogger("silent") });
  cache = started.cache;
  stopCache = started.stop;
  app = createTestApp(database, { detectionPageCache: cache });
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
});
afterAll(async () => {
  await stopCache();
  await database.close();
});

async function setUpDistrict() {
  const district = await buildDistrict(database, "ITI15");
  const company = await buildCompany(database, {
    nuts3Code: "ITI15",
    districtCode: district.code,
    name: "Alfa Filati",
  });
  await buildStatement(database, company.id, 2024, textileStatementItems("failing"));
  await scoreCompanies({ db: database.db, clock: () => fixedNow }, [company.id]);
  const analyst = await buildUser(database, [{ role: "analyst", territoryCode: district.code }]);
  return { district, company, session: await signIn(app, analyst.email) };
}

async function list(session: SignedIn, query: string) {
  const response = await app.request(`/api/early-warning/companies?${query}`, { headers: session.headers() });
  expect(response.status, await response.clone().text()).toBe(200);
  return DetectionPageSchema.parse(await response.json());
}

describe("the detection list's page cache", () => {
  it("serves a repeated page from memory, and reads again once the database notifies a change", async () => {
    const { district, company, session } = await setUpDistrict();
    const query = `district=${district.code}`;
    // The setup's own notifications may still be arriving: a page is kept once they have.
    await vi.waitFor(
      async () => {
        const hits = cache.stats.hits;
        expect((await list(session, query)).items.map((item) => item.name)).toEqual(["Alfa Filati"]);
        expect(cache.stats.hits).toBe(hits + 1);
      },
      { timeout: 5000 },
    );

    // A change made outside this server's requests (as another process would): only the notification tells.
    await database.db
      .update(companies)
      .set({ name: "Alfa Filati Nuova" })
      .where(eq(companies.id, company.id));
    await vi.waitFor(() => expect(cache.stats.entries).toBe(0), { timeout: 5000 });
    expect((await list(session, query)).items.map((item) => item.name)).toEqual(["Alfa Filati Nuova"]);
  });

  it("shows a company followed through the API on the very next page", async () => {
    const { district, company, session } = await setUpDistrict();
    const query = `district=${district.code}&followedByMe=true`;
    expect((await list(session, query)).items).toEqual([]);
    const followed = await app.request(`/api/me/follows/companies/${company.id}`, {
      method: "PUT",
      headers: session.headers(),
    });
    expect(followed.status, await followed.clone().text()).toBeLessThan(300);
    expect((await list(session, query)).items.map((item) => item.companyId)).toEqual([company.id]);
  });

  it("never gives one user's page to another user with another scope", async () => {
    const first = await setUpDistrict();
    const second = await setUpDistrict();
    const query = "alertLevel=red";
    expect((await list(first.session, query)).items.map((item) => item.companyId)).toEqual([
      first.company.id,
    ]);
    expect((await list(second.session, query)).items.map((item) => item.companyId)).toEqual([
      second.company.id,
    ]);
  });

  it.each(["companies", "company_risk_years", "follows", "territories"])(
    "hears of a statement on %s, the list's tables, once it commits",
    async (table) => {
      const heard: string[] = [];
      const stop = await database.listen(detectionListChannel, {
        onNotification: (payload) => heard.push(payload),
        onListening: () => {},
      });
      try {
        // A statement-level trigger fires even when no row matches.
        await database.db.execute(sql.raw(`delete from ${table} where false`));
        await vi.waitFor(() => expect(heard).toContain(table), { timeout: 5000 });
      } finally {
        await stop();
      }
    },
  );

  it("hears nothing of a transaction that rolls back", async () => {
    const heard: string[] = [];
    const stop = await database.listen(detectionListChannel, {
      onNotification: (payload) => heard.push(payload),
      onListening: () => {},
    });
    try {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`delete from follows where false`);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      // A committed statement afterwards, to know the channel delivered what it had.
      await database.db.execute(sql`delete from territories where false`);
      await vi.waitFor(() => expect(heard).toContain("territories"), { timeout: 5000 });
      expect(heard).not.toContain("follows");
    } finally {
      await stop();
    }
  });
});

describe(createDetectionPageCache, () => {
  const load = (body: string) => vi.fn(async () => body);

  it("keeps nothing while it is not listening for changes", async () => {
    const pages = createDetectionPageCache();
    const loader = load("page");
    await pages.read("k", loader);
    await pages.read("k", loader);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it("does not keep a page during whose reading a change was notified", async () => {
    const pages = createDetectionPageCache();
    pages.setListening(true);
    const stale = await pages.read("k", async () => {
      pages.invalidate();
      return "read before the change";
    });
    expect(stale).toBe("read before the change");
    expect(await pages.read("k", load("read after the change"))).toBe("read after the change");
  });

  it("forgets the least recently used page beyond its size, and any page past its age", async () => {
    let now = 0;
    const pages = createDetectionPageCache({ now: () => now, maxEntries: 2, maxAgeMs: 1000 });
    pages.setListening(true);
    await pages.read("a", load("A"));
    await pages.read("b", load("B"));
    await pages.read("a", load("A again"));
    await pages.read("c", load("C"));
    expect(await pages.read("a", load("A reloaded"))).toBe("A");
    expect(await pages.read("b", load("B reloaded"))).toBe("B reloaded");
    now = 1001;
    expect(await pages.read("b", load("B after a second"))).toBe("B after a second");
  });

  it("starts empty when listening resumes, since changes may have been missed", async () => {
    const pages = createDetectionPageCache();
    pages.setListening(true);
    await pages.read("k", load("before"));
    pages.setListening(false);
    pages.setListening(true);
    expect(await pages.read("k", load("after"))).toBe("after");
  });
});
