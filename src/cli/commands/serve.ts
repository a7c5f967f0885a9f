import { parseEnv } from "../../server/config/env.ts";
import { createLogger } from "../../server/logging/logger.ts";
import { startServer } from "../../server/main.ts";
import { webBuildFolder } from "../../server/paths.ts";
import type { Command } from "../command.ts";
import { ensureWebBuild } from "../web-build.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "Start the SECTOR server (API and web app)",
  usage: "sector serve [--port <n>] [--host <address>] [--no-web]",
  help: [
    "Options:",
    "  --port <n>       Port to listen on (default: $PORT or 3000; 0 picks a free one)",
    "  --host <addr>    Address to bind (default: $HOST or 127.0.0.1)",
    "  --no-web         Serve the API only (e.g. while `vite` serves the UI in development)",
    "",
    "The database is embedded PGlite in $SECTOR_DATA_DIR (default ./data) unless",
    "DATABASE_URL names a PostgreSQL database. Migrations are applied at start.",
    "The web app is built first if its sources changed since the last build.",
  ],
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "no-web": { type: "boolean" },
  },
  async run(values, _positionals, io) {
    const env = parseEnv(
      {
        ...io.env,
        ...(typeof values.port === "string" ? { PORT: values.port } : {}),
        ...(typeof values.host === "string" ? { HOST: values.host } : {}),
      },
      io.cwd,
    );
    const logger = createLogger(env.logLevel);
    const isWebServed = values["no-web"] !== true;
    if (isWebServed) await ensureWebBuild((message) => logger.info(message));
    const server = await startServer({ env, logger, ...(isWebServed ? { webRoot: webBuildFolder } : {}) });
    io.err(`SECTOR is running at ${server.url} — press Ctrl+C to stop.`);
    return new Promise<number>((resolve) => {
      let isStopping = false;
      const stop = (signal: string) => {
        if (isStopping) return;
        isStopping = true;
        logger.info("stopping", { signal });
        server.close().then(
          () => resolve(0),
          (error: unknown) => {
            logger.error("error while stopping", { err: error });
            resolve(1);
          },
        );
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
  },
};
