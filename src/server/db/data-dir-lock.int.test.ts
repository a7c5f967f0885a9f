import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot } from "../paths.ts";
import { acquireDataDirLock, DataDirLockedError, lockFileName } from "./data-dir-lock.ts";

const run = promisify(execFile);
const folders: string[] = [];

function scratchFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sector-lock-"));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 999_999;
}

describe("acquireDataDirLock", () => {
  it("refuses a second holder and names the first one's PID", () => {
    const folder = scratchFolder();
    const lock = acquireDataDirLock(folder, "sector serve");
    expect(() => acquireDataDirLock(folder, "sector migrate")).toThrowError(DataDirLockedError);
    expect(() => acquireDataDirLock(folder, "sector migrate")).toThrowError(`process ${process.pid}`);
    lock.release();
  });

  it("can be taken again once released", () => {
    const folder = scratchFolder();
    acquireDataDirLock(folder, "first").release();
    expect(fs.existsSync(path.join(folder, lockFileName))).toBe(false);
    acquireDataDirLock(folder, "second").release();
  });

  it("takes over a lock left by a process that has died", async () => {
    const folder = scratchFolder();
    const pid = await deadPid();
    fs.writeFileSync(
      path.join(folder, lockFileName),
      JSON.stringify({
        pid,
        hostname: os.hostname(),
        startedAt: "2026-01-01T00:00:00Z",
        command: "sector serve",
      }),
    );
    const lock = acquireDataDirLock(folder, "sector serve");
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable lock file (a crash while writing it)", () => {
    const folder = scratchFolder();
    fs.writeFileSync(path.join(folder, lockFileName), "{");
    acquireDataDirLock(folder, "sector serve").release();
  });
});

describe("sector serve on a folder already in use", () => {
  it("stops at once with exit code 1 and a message naming the holder's PID", async () => {
    const folder = scratchFolder();
    const lock = acquireDataDirLock(folder, "sector serve");
    try {
      const failure = await run(
        process.execPath,
        ["--import", "tsx", path.join(packageRoot, "src/cli/main.ts"), "serve", "--no-web", "--port", "0"],
        {
          cwd: packageRoot,
          env: { ...process.env, SECTOR_DATA_DIR: folder, DATABASE_URL: "" },
          timeout: 20_000,
        },
      ).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(`already in use by process ${process.pid}`);
      expect(failure?.stderr).not.toContain("    at ");
    } finally {
      lock.release();
    }
  });
});
