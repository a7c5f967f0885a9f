import path from "node:path";
import { z } from "zod";
import { StartupError } from "../startup-error.ts";

const LogLevelSchema = z.enum(["debug", "info", "warn", "error", "silent"]);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset → embedded PGlite in SECTOR_DATA_DIR; set → PostgreSQL through `pg`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  SECTOR_DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: LogLevelSchema.default("info"),
  /** Size of the `pg` pool when DATABASE_URL is set. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Address people use to reach SECTOR; links in emails point here. */
  PUBLIC_URL: z.url().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset → emails stay in the outbox administrators can read. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("SECTOR <no-reply@sector.localhost>"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(480),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  OUT_OF_SCOPE_ACCESS_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For and mark cookies Secure. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** How often the server emails notifications that users want at once (seconds). */
  NOTIFICATION_DELIVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** "0" → no demo district on an empty database. */
  SECTOR_DEMO: z.enum(["0", "1"]).default("1"),
});

export type Env = Readonly<{
  nodeEnv: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof LogLevelSchema>;
  databasePoolSize: number;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  sessionAbsoluteDays: number;
  outOfScopeAccessHours: number;
  notificationDeliverySeconds: number;
  trustProxy: boolean;
  isDemoEnabled: boolean;
}>;

export class EnvError extends StartupError {
  override name = "EnvError";
}

/** Parses the environment once; throws an EnvError listing every invalid variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const values = result.data;
  return Object.freeze({
    nodeEnv: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(cwd, values.SECTOR_DATA_DIR),
    logLevel: values.LOG_LEVEL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    publicUrl: values.PUBLIC_URL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionAbsoluteDays: values.SESSION_ABSOLUTE_DAYS,
    outOfScopeAccessHours: values.OUT_OF_SCOPE_ACCESS_HOURS,
    notificationDeliverySeconds: values.NOTIFICATION_DELIVERY_SECONDS,
    trustProxy: values.TRUST_PROXY === "true",
    isDemoEnabled: values.SECTOR_DEMO === "1",
  });
}
