import { randomBytes } from "node:crypto";
import type { Role } from "../../src/domain/access/roles.ts";
import type { DatabaseHandle } from "../../src/server/db/client.ts";
import { grantRole } from "../../src/server/features/users/change-grants.ts";
import { createUser } from "../../src/server/features/users/invite-user.ts";
import type { App } from "../../src/server/http/app.ts";
import { buildTerritory } from "./build-territory.ts";

export const testPassword = "correct horse battery staple";

export type GrantSpec = { role: Role; territoryCode?: string; companyIds?: string[] };

/** An active user with the given grants; territories named by NUTS-like codes are created. */
export async function buildUser(
  database: DatabaseHandle,
  grants: GrantSpec[],
  overrides: { email?: string; displayName?: string; password?: string; locale?: "it" | "en" } = {},
) {
  const email = overrides.email ?? `user-${randomBytes(5).toString("hex")}@example.test`;
  const clock = () => new Date();
  const userId = await createUser(
    { db: database.db, clock },
    {
      email,
      displayName: overrides.displayName ?? "Test User",
      password: overrides.password ?? testPassword,
      locale: overrides.locale ?? "en",
    },
  );
  for (const grant of grants) {
    if (grant.territoryCode && /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(grant.territoryCode)) {
      const kinds = ["country", "nuts1", "nuts2", "nuts3"] as const;
      await buildTerritory(database, {
        code: grant.territoryCode,
        kind: kinds[grant.territoryCode.length - 2] ?? "nuts3",
      });
    }
    await grantRole(
      { db: database.db, clock },
      { userId: null, email: "factory@example.test" },
      { userId, role: grant.role, territoryCode: grant.territoryCode, companyIds: grant.companyIds ?? [] },
      { ipAddress: undefined, requestId: undefined },
    );
  }
  return { userId, email, password: overrides.password ?? testPassword };
}

export type SignedIn = {
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this user (with the CSRF token for writes). */
  headers(extra?: Record<string, string>): Record<string, string>;
};

export async function signIn(app: App, email: string, password = testPassword): Promise<SignedIn> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.10" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    headers: (extra = {}) => ({
      Cookie: cookie,
      "X-CSRF-Token": csrfToken,
      "Content-Type": "application/json",
      ...extra,
    }),
  };
}
