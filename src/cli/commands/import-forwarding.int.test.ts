import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../server/config/env.ts";
import { createLogger } from "../../server/logging/logger.ts";
import { type RunningServer, startServer } from "../../server/main.ts";
import { packageRoot } from "../../server/paths.ts";
import { runCli } from "../run-cli.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-cli-forward-"));
const environment = { SECTOR_DATA_DIR: dataDir, SECTOR_DEMO: "0", LOG_LEVEL: "silent" };
let server: RunningServer;

async function sector(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    cwd: packageRoot,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  await sector(
    environment,
    "users",
    "create",
    "--email",
    "ops@example.org",
    "--name",
    "Ops",
    "--password",
    "a very long password",
  );
  await sector(
    environment,
    "users",
    "grant",
    "--email",
    "ops@example.org",
    "--role",
    "analyst",
    "--territory",
    "IT",
  );
  server = await startServer({
    env: parseEnv({ ...environment, PORT: "0" }, packageRoot),
    logger: createLogger("silent"),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("sector import while a server holds the embedded database", () => {
  it("says how to proceed without a token, and sends the files to the server with one", async () => {
    const filing = path.resolve(packageRoot, "../shared/fixtures/xbrl/it-pucci-srl-2024-ordinary.xbrl");
    const refused = await sector(environment, "import", "xbrl", filing);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("SECTOR_API_TOKEN");
    expect(refused.err).toContain(server.url);

    // The token is made through the server's own API, since the server holds the database.
    const signedIn = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "ops@example.org", password: "a very long password" }),
    });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const created = await fetch(`${server.url}/api/me/api-tokens`, {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": csrfToken, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "cli" }),
    });
    const { secret } = (await created.json()) as { secret: string };

    const sent = await sector(
      { ...environment, SECTOR_API_TOKEN: secret },
      "import",
      "xbrl",
      filing,
      "--json",
    );
    expect(sent.code).toBe(0);
    expect(sent.err).toContain(`sending the files to ${server.url}`);
    const report = JSON.parse(sent.out) as {
      counts: Record<string, number>;
      files: { scoring?: { state: string } }[];
    };
    expect(report.counts).toEqual({ imported: 1, unchanged: 0, rejected: 0 });
    // The server answered once its queue had stored the scores (the CLI asks it to wait).
    expect(report.files[0]?.scoring?.state).toBe("succeeded");

    // A statements spreadsheet goes the same way; this one is refused by the server, row and column named.
    const spreadsheet = path.join(dataDir, "statements.csv");
    fs.writeFileSync(
      spreadsheet,
      "country,tax_code,period_start,period_end,format,Total assets [totalAssets]\nIT,02353550391,2022-01-01,2022-12-31,abridged,n/a\n",
    );
    const refusedSheet = await sector(
      { ...environment, SECTOR_API_TOKEN: secret },
      "import",
      "statements",
      spreadsheet,
    );
    expect(refusedSheet.code).toBe(1);
    expect(refusedSheet.err).toContain(`sending the files to ${server.url}`);
    expect(refusedSheet.out).toContain('"n/a" is not a number');
  });
});
