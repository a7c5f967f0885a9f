import type { Command } from "../command.ts";
import { ensureWebBuild } from "../web-build.ts";

export const buildWebCommand: Command = {
  name: "build-web",
  summary: "Build the web app into dist/web if its sources changed",
  usage: "sector build-web",
  help: ["`sector serve` runs this itself; use it to build ahead of time (e.g. in an image)."],
  options: {},
  async run(_values, _positionals, io) {
    const { isRebuilt } = await ensureWebBuild(io.err);
    io.out(isRebuilt ? "Web app built in dist/web." : "Web app already up to date.");
    return 0;
  },
};
