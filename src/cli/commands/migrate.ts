import { parseEnv } from "../../server/config/env.ts";
import { migrateDatabase } from "../../server/features/system/migrate-database.ts";
import type { Command } from "../command.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply pending database migrations and exit",
  usage: "sector migrate",
  help: [
    "Applies the committed SQL migrations, forward only, in one transaction.",
    "Uses DATABASE_URL when set, else the embedded database in $SECTOR_DATA_DIR (default ./data).",
    "`sector serve` does this at every start; use this command before rolling out several servers.",
  ],
  options: {},
  async run(_values, _positionals, io) {
    const env = parseEnv(io.env, io.cwd);
    const report = await migrateDatabase(env, () => new Date());
    const where = report.kind === "embedded" ? `embedded database in ${env.dataDir}` : "PostgreSQL";
    if (report.applied.length === 0) {
      io.out(`The ${where} is up to date (${report.total} migrations).`);
    } else {
      io.out(`Applied ${report.applied.length} migration(s) to the ${where}:`);
      for (const tag of report.applied) io.out(`  ${tag}`);
    }
    return 0;
  },
};
