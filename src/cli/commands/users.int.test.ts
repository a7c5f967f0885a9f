import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-cli-users-"));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function sector(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { SECTOR_DATA_DIR: dataDir, LOG_LEVEL: "silent", USER: "tester" },
    cwd: dataDir,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sector users", () => {
  it("creates a user, grants a territorial role, and lists it", async () => {
    const created = await sector(
      "users",
      "create",
      "--email",
      "Ada@Example.org",
      "--name",
      "Ada Admin",
      "--password",
      "a very long password",
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain("Created ada@example.org");
    const granted = await sector(
      "users",
      "grant",
      "--email",
      "ada@example.org",
      "--role",
      "analyst",
      "--territory",
      "prato-tessile",
    );
    expect(granted).toMatchObject({ code: 0, out: "Granted analyst to ada@example.org." });
    const listed = await sector("users", "list", "--json");
    const users = JSON.parse(listed.out) as {
      email: string;
      grants: { role: string; territory: { code: string } }[];
    }[];
    expect(
      users.map((user) => [user.email, user.grants.map((grant) => `${grant.role}@${grant.territory.code}`)]),
    ).toEqual([["ada@example.org", ["analyst@prato-tessile"]]]);
  });

  it.each([
    [
      ["users", "create", "--email", "x@example.org", "--name", "X", "--password", "short"],
      2,
      "--password: must be at least 12 characters",
    ],
    [["users", "grant", "--email", "ada@example.org", "--role", "king"], 2, 'Unknown role "king"'],
    [
      ["users", "grant", "--email", "ada@example.org", "--role", "analyst"],
      1,
      "the analyst role needs a territory",
    ],
    [
      ["users", "grant", "--email", "ada@example.org", "--role", "analyst", "--territory", "XX9"],
      1,
      "Unknown territory XX9",
    ],
    [
      ["users", "grant", "--email", "nobody@example.org", "--role", "trainer"],
      2,
      "No user with email nobody@example.org",
    ],
    [["users", "frob"], 2, 'Unknown action "frob"'],
  ])("refuses %j with exit code %i and says why", async (argv, code, message) => {
    const result = await sector(...argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });
});
