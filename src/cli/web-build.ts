import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { packageRoot, webBuildFolder } from "../server/paths.ts";

const inputs = ["src/web", "src/contracts", "src/domain", "vite.config.ts", "package-lock.json"];
const stampFile = ".build-hash";

function listFiles(target: string): string[] {
  if (!fs.existsSync(target)) return [];
  if (fs.statSync(target).isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => listFiles(path.join(target, entry.name)))
    .filter((file) => !/\.(test|int\.test|spec)\.tsx?$/.test(file));
}

/** A digest of everything the web bundle is built from, so a stale build is never served. */
export function computeWebSourceHash(root = packageRoot): string {
  const hash = createHash("sha256");
  const files = inputs.flatMap((input) => listFiles(path.join(root, input))).sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export function isWebBuildCurrent(): boolean {
  const stampPath = path.join(webBuildFolder, stampFile);
  return fs.existsSync(stampPath) && fs.readFileSync(stampPath, "utf8") === computeWebSourceHash();
}

/** Builds the web app with Vite unless the committed sources match the last build. */
export async function ensureWebBuild(log: (message: string) => void): Promise<{ isRebuilt: boolean }> {
  if (isWebBuildCurrent()) return { isRebuilt: false };
  log("Building the web app (first start or sources changed)…");
  const { build } = await import("vite");
  await build({
    configFile: path.join(packageRoot, "vite.config.ts"),
    logLevel: "warn",
  });
  fs.writeFileSync(path.join(webBuildFolder, stampFile), computeWebSourceHash());
  return { isRebuilt: true };
}
