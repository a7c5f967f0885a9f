import { defineConfig } from "drizzle-kit";

// `out` can be redirected so the drift check can generate into a scratch folder.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema.ts",
  out: process.env.SECTOR_MIGRATIONS_OUT ?? "./src/server/db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: false,
});
