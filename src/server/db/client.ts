import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "embedded" | "postgresql";

/** An open database: the Drizzle handle, what it runs on, and how to close it. */
export type DatabaseHandle = {
  readonly db: Database;
  readonly kind: DatabaseKind;
  /** Runs raw SQL (several statements allowed) outside Drizzle; used by migrations and jobs. */
  exec(sqlText: string): Promise<void>;
  /**
   * pg-boss's database adapter. On PGlite, a text without parameters may hold several statements
   * (pg-boss sends BEGIN … COMMIT in one string): it runs in one call, so no transaction is split.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Embedded only: writes the listening server's address into the lock file for CLI commands. */
  announceServerUrl(url: string): void;
  /**
   * Subscribes to a notification channel (LISTEN). `onListening(false)` says notifications may be missed
   * (the connection dropped); `onListening(true)` that they arrive again. Resolves to the unsubscribe.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type NotificationHandlers = {
  onNotification(payload: string): void;
  onListening(isListening: boolean): void;
};

export type OpenDatabaseOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Named in the lock file so a second process can say who holds the embedded database. */
  command?: string;
  /** Errors of idle PostgreSQL connections (server restart, terminated backend); they must not crash the process. */
  onConnectionError?: (error: Error) => void;
};

export const pgliteFolderName = "pglite";

/** Extensions the migrations create; PGlite must load them at every open. */
export const pgliteExtensions = { pg_trgm, unaccent };

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onConnectionError);
  }
  const lock = acquireDataDirLock(options.dataDir, options.command ?? "sector");
  try {
    const client = await PGlite.create({
      dataDir: path.join(options.dataDir, pgliteFolderName),
      extensions: pgliteExtensions,
    });
    return wrapPglite(client, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function openPostgres(
  databaseUrl: string,
  poolSize: number,
  onConnectionError: (error: Error) => void = () => {},
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // Without a listener, an idle client's error (e.g. the server restarting) would crash the process.
  pool.on("error", onConnectionError);
  const db = drizzleNodePostgres(pool, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "postgresql",
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement text answers with one result per statement; pg-boss reads the last one.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    announceServerUrl: () => {},
    listen: (channel, handlers) => listenOnPostgres(databaseUrl, channel, handlers, onConnectionError),
    close: () => pool.end(),
  };
}

const reconnectDelayMs = 1000;

/** LISTEN on a connection of its own, reconnecting after a second whenever it drops. */
async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  handlers: NotificationHandlers,
  onConnectionError: (error: Error) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const candidate = new pg.Client({ connectionString: databaseUrl });
    candidate.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotification(message.payload ?? "");
    });
    const dropped = (error?: Error) => {
      if (client !== candidate) return;
      client = undefined;
      handlers.onListening(false);
      if (error) onConnectionError(error);
      candidate.end().catch(() => {});
      if (!isStopped) retry = setTimeout(() => void connect().catch(() => {}), reconnectDelayMs);
    };
    candidate.on("error", dropped);
    candidate.on("end", () => dropped());
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await candidate.end().catch(() => {});
      if (!isStopped) retry = setTimeout(() => void connect().catch(() => {}), reconnectDelayMs);
      throw error;
    }
    if (isStopped) {
      await candidate.end();
      return;
    }
    client = candidate;
    handlers.onListening(true);
  };
  await connect().catch((error: Error) => onConnectionError(error));
  return async () => {
    isStopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    handlers.onListening(false);
    await current?.end();
  };
}

/** Wraps an already open PGlite (the tests load theirs from a golden image). */
export function wrapPglite(client: PGlite, lock?: DataDirLock): DatabaseHandle {
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "embedded",
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    announceServerUrl: (url) => lock?.recordServerUrl(url),
    async listen(channel, handlers) {
      const unlisten = await client.listen(channel, handlers.onNotification);
      handlers.onListening(true);
      return async () => {
        handlers.onListening(false);
        await unlisten();
      };
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

type Executor = { execute(query: SQL): PromiseLike<unknown> };

/** Raw SQL returning rows, on either driver (both answer with `{ rows }`). For repositories only. */
export async function queryRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as { rows: Row[] };
  return result.rows;
}
