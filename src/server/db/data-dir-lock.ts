import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../startup-error.ts";

/**
 * PGlite has no cross-process lock: two processes opening the same data folder corrupt it.
 * This exclusive lock file (created with O_EXCL) records the holder so a second process can
 * stop with a message naming it. A lock left by a dead process is taken over.
 */
export type DataDirLock = {
  readonly path: string;
  /** Records where the holding server listens, so a CLI command can send it the work instead. */
  recordServerUrl(url: string): void;
  release(): void;
};

type LockRecord = { pid: number; hostname: string; startedAt: string; command: string; serverUrl?: string };

export class DataDirLockedError extends StartupError {
  /** Where the holder serves the API, when it is a running server. */
  get serverUrl(): string | undefined {
    return this.holder.serverUrl;
  }

  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockRecord,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by process ${holder.pid}` +
        ` (${holder.command}, started ${holder.startedAt} on ${holder.hostname}).` +
        ` Stop that process first, or point SECTOR_DATA_DIR at another folder.`,
    );
  }
}

export const lockFileName = "sector.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readRecord(lockPath: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, "utf8")) as Partial<LockRecord>;
    if (typeof parsed.pid !== "number") return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? "unknown host"),
      startedAt: String(parsed.startedAt ?? "unknown time"),
      command: String(parsed.command ?? "sector"),
      ...(typeof parsed.serverUrl === "string" ? { serverUrl: parsed.serverUrl } : {}),
    };
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, lockFileName);
  const record: LockRecord = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const descriptor = fs.openSync(lockPath, "wx");
      fs.writeSync(descriptor, JSON.stringify(record));
      fs.closeSync(descriptor);
      let released = false;
      return {
        path: lockPath,
        recordServerUrl(url) {
          fs.writeFileSync(lockPath, JSON.stringify({ ...record, serverUrl: url }));
        },
        release() {
          if (released) return;
          released = true;
          if (readRecord(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readRecord(lockPath);
      const isSameHost = holder?.hostname === os.hostname();
      if (holder && (!isSameHost || isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // Stale (the holder died) or unreadable (a crash while writing it): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath} after three attempts.`);
}
