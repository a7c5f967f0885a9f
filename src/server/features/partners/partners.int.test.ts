import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { CompanyPartnerListSchema, PartnerSchema } from "../../../contracts/partners.ts";
import type { DatabaseHandle } from "../../db/client.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("company links to partners", () => {
  it("lets an administrator add partners and an analyst link a company to them", async () => {
    const app = createTestApp(database);
    const admin = await signIn(
      app,
      (await buildUser(database, [{ role: "administrator", territoryCode: "IT" }])).email,
    );
    const analyst = await signIn(
      app,
      (await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }])).email,
    );
    const created = await app.request("/api/admin/partners", {
      method: "POST",
      headers: admin.headers(),
      body: JSON.stringify({
        name: "Confartigianato Prato",
        kind: "employers_association",
        countryCode: "it",
      }),
    });
    expect(created.status).toBe(201);
    const partner = PartnerSchema.parse(await created.json());
    expect(partner.countryCode).toBe("IT");
    const company = await buildCompany(database);
    const linked = await app.request(`/api/companies/${company.id}/partners`, {
      method: "PUT",
      headers: analyst.headers(),
      body: JSON.stringify({ links: [{ partnerId: partner.id, relation: "member" }] }),
    });
    expect(linked.status).toBe(200);
    const read = CompanyPartnerListSchema.parse(
      await (
        await app.request(`/api/companies/${company.id}/partners`, { headers: analyst.headers() })
      ).json(),
    );
    expect(read.items.map((item) => [item.name, item.relation])).toEqual([
      ["Confartigianato Prato", "member"],
    ]);

    const twice = await app.request(`/api/companies/${company.id}/partners`, {
      method: "PUT",
      headers: analyst.headers(),
      body: JSON.stringify({
        links: [
          { partnerId: partner.id, relation: "member" },
          { partnerId: partner.id, relation: "client" },
        ],
      }),
    });
    expect(twice.status).toBe(400);
    const unknown = await app.request(`/api/companies/${company.id}/partners`, {
      method: "PUT",
      headers: analyst.headers(),
      body: JSON.stringify({
        links: [{ partnerId: "3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00", relation: "member" }],
      }),
    });
    expect(unknown.status).toBe(400);
    const unchanged = CompanyPartnerListSchema.parse(
      await (
        await app.request(`/api/companies/${company.id}/partners`, { headers: analyst.headers() })
      ).json(),
    );
    expect(unchanged.items).toHaveLength(1);
  });
});
