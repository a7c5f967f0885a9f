// `npm run dev`: the API on :3001 (restarted by `node --watch`) and Vite with hot reload on :5173.
import { spawn } from "node:child_process";

const apiPort = process.env.SECTOR_API_PORT ?? "3001";
const children = [
  spawn(
    process.execPath,
    [
      "--watch-path=src/server",
      "--watch-path=src/contracts",
      "--watch-path=src/domain",
      "--import",
      "tsx",
      "src/cli/main.ts",
      "serve",
      "--no-web",
      "--port",
      apiPort,
    ],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } },
  ),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js"], {
    stdio: "inherit",
    env: { ...process.env, SECTOR_API_PORT: apiPort },
  }),
];
console.log(`SECTOR dev: open http://localhost:5173 (API on :${apiPort})`);

const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
for (const child of children) child.once("exit", stop);
