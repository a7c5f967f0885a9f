import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { packageRoot } from "../paths.ts";
import { type DatabaseHandle, queryRows } from "./client.ts";
import { migrate, migrationsFolder, readMigrations } from "./migrate.ts";

const run = promisify(execFile);

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("migrate", () => {
  it("leaves a migrated database unchanged when run again", async () => {
    const report = await migrate(database);
    expect(report).toEqual({
      applied: [],
      alreadyApplied: readMigrations().length,
      total: readMigrations().length,
    });
  });

  it("keeps drizzle's bookkeeping so drizzle-kit sees the same state", async () => {
    const rows = await queryRows<{ count: string | number }>(
      database.db,
      sql`select count(*) as count from drizzle.__drizzle_migrations`,
    );
    expect(Number(rows[0]?.count)).toBe(readMigrations().length);
  });

  it("has a journal entry for every SQL file and no SQL file without one", () => {
    const files = fs.readdirSync(migrationsFolder).filter((file) => file.endsWith(".sql"));
    expect(files.map((file) => file.replace(/\.sql$/, "")).sort()).toEqual(
      readMigrations()
        .map((migration) => migration.tag)
        .sort(),
    );
  });
});

describe("schema and migrations", () => {
  it("agree: drizzle-kit generates nothing new from the schema", async () => {
    // drizzle-kit only accepts an output folder relative to the project.
    fs.mkdirSync(path.join(packageRoot, "node_modules/.cache"), { recursive: true });
    const scratch = fs.mkdtempSync(path.join(packageRoot, "node_modules/.cache/sector-drift-"));
    try {
      fs.cpSync(migrationsFolder, scratch, { recursive: true });
      const before = fs.readdirSync(scratch).sort();
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(packageRoot, "node_modules/drizzle-kit/bin.cjs"), "generate", "--name", "drift"],
        {
          cwd: packageRoot,
          env: { ...process.env, SECTOR_MIGRATIONS_OUT: path.relative(packageRoot, scratch) },
        },
      );
      // drizzle-kit exits 0 even when it fails, so ask for its positive answer.
      expect(`${stdout}${stderr}`, "drizzle-kit did not compare the schema").toContain("No schema changes");
      const after = fs.readdirSync(scratch).sort();
      expect(
        after,
        `schema.ts has changes without a migration; run \`npm run db:generate\`.\n${stdout}`,
      ).toEqual(before);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
