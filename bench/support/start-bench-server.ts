import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { packageRoot } from "../../src/server/paths.ts";

export type BenchServer = { url: string; stop(): Promise<void> };

/**
 * Starts the real server (`sector serve --no-web`) as a child process on a free port of 127.0.0.1,
 * on the given PostgreSQL database, and resolves with its URL once it listens.
 */
export function startBenchServer(databaseUrl: string, poolSize: number): Promise<BenchServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(packageRoot, "src/cli/main.ts"), "serve", "--no-web", "--port", "0"],
    {
      cwd: packageRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: String(poolSize),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        SECTOR_DEMO: "0",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let errorText = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (text: string) => {
      errorText += text;
      const url = /running at (http:\/\/[^\s]+)/.exec(errorText)?.[1];
      if (url) resolve({ url, stop });
    });
    child.once("exit", (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${errorText}`)),
    );
  });
}
