import { parseEnv } from "../../server/config/env.ts";
import { demoPassword } from "../../server/features/demo/demo-users.ts";
import { defaultDemoSeed, loadDemo } from "../../server/features/demo/load-demo.ts";
import { withDatabase } from "../../server/features/system/with-database.ts";
import { type Command, UsageError } from "../command.ts";
import { createProgressBar } from "../progress.ts";

const steps = [
  "generating companies and statements",
  "writing companies and statements",
  "creating the demo users",
];

export const demoCommand: Command = {
  name: "demo",
  summary: "Load the demo district (three districts, ~1,500 companies, one user per role)",
  usage: "sector demo [--seed <n>]",
  help: [
    "Loads the generated demo into an empty database: the same seed always gives the same data.",
    `Every demo user's password is "${demoPassword}".`,
    "`npm start` does this by itself on an empty embedded database unless SECTOR_DEMO=0.",
    "",
    "Options:",
    `  --seed <n>   Seed of the generator (default ${defaultDemoSeed})`,
  ],
  options: { seed: { type: "string" } },
  async run(values, _positionals, io) {
    const seed = typeof values.seed === "string" ? Number(values.seed) : defaultDemoSeed;
    if (!Number.isInteger(seed) || seed < 0)
      throw new UsageError("--seed must be a whole number, 0 or more.");
    const env = parseEnv(io.env, io.cwd);
    const bar = createProgressBar("Demo", steps.length);
    const result = await withDatabase(env, "sector demo", (context) =>
      loadDemo(context, { seed, onProgress: (step) => bar.update(steps.indexOf(step)) }),
    );
    bar.finish();
    if (!result.isLoaded) {
      io.err(
        result.reason === "already_loaded"
          ? "The demo is already loaded in this database."
          : "The database already holds companies: the demo loads only into an empty one.",
      );
      return 1;
    }
    io.out(`Loaded ${result.companies} companies and ${result.statements} statements (seed ${seed}).`);
    io.out(`Sign in with any of these accounts, password "${demoPassword}":`);
    for (const user of result.users) io.out(`  ${user.role.padEnd(24)} ${user.email}`);
    return 0;
  },
};
