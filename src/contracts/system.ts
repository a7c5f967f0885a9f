import { z } from "zod";

export const LocaleSchema = z.enum(["it", "en"]).meta({ id: "Locale" });
export type Locale = z.infer<typeof LocaleSchema>;

export const HealthResponseSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.enum(["ok", "unreachable"]),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: "HealthResponse", description: "Liveness and database reachability." });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const SystemStatusSchema = z
  .object({
    name: z.literal("SECTOR"),
    version: z.string(),
    database: z.object({
      kind: z.enum(["embedded", "postgresql"]),
      serverVersion: z.string(),
      schemaVersion: z.string().meta({ description: "Tag of the latest applied migration." }),
      migrationsApplied: z.number().int().nonnegative(),
    }),
    installation: z.object({
      installedAt: z.iso.datetime(),
      defaultLocale: LocaleSchema,
    }),
    serverTime: z.iso.datetime(),
  })
  .meta({ id: "SystemStatus", description: "What this SECTOR server runs on." });
export type SystemStatus = z.infer<typeof SystemStatusSchema>;
