import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureWebBuild } from "../../src/cli/web-build.ts";
import { packageRoot } from "../../src/server/paths.ts";
import { startSmtpSink } from "../smtp-sink.ts";
import { type E2eSeed, seedE2eDatabase } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    seed: E2eSeed;
    /** Folder where the SMTP sink the server sends to writes each email as JSON. */
    mailFolder: string;
  }
}

/** Builds the web app if needed, seeds a fresh embedded database and starts a real server on it. */
export default async function setup(project: TestProject) {
  await ensureWebBuild((message) => process.stderr.write(`${message}\n`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-e2e-"));
  const seed = await seedE2eDatabase(dataDir);
  project.provide("seed", seed);
  const mailFolder = path.join(dataDir, "sent-emails");
  fs.mkdirSync(mailFolder);
  const smtpSink = await startSmtpSink({ saveTo: mailFolder });
  project.provide("mailFolder", mailFolder);
  const server: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(packageRoot, "src/cli/main.ts"), "serve", "--port", "0"],
    {
      cwd: packageRoot,
      env: {
        ...process.env,
        SECTOR_DATA_DIR: dataDir,
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        SMTP_URL: smtpSink.url,
        // Emails of notifications wanted at once leave within two seconds (the default is 15).
        NOTIFICATION_DELIVERY_SECONDS: "2",
      },
      stdio: ["ignore", "inherit", "pipe"],
    },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in time:\n${output}`)),
      120_000,
    );
    server.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
  project.provide("baseUrl", baseUrl);
  return async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await smtpSink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
