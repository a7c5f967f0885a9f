import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "../../server/config/env.ts";
import { importXbrlFiles } from "../../server/features/imports/import-xbrl-files.ts";
import { withDatabase } from "../../server/features/system/with-database.ts";
import { type Command, UsageError } from "../command.ts";
import { createProgressBar } from "../progress.ts";

const xbrlExtensions = new Set([".xbrl", ".xml"]);

/** The files named, and the XBRL files inside the folders named (not following links out). */
function listFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`No such file or folder: ${given}`);
    if (stat.isFile()) files.push(given);
    else if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(given, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && xbrlExtensions.has(path.extname(entry.name).toLowerCase())) {
          files.push(path.join(entry.parentPath, entry.name));
        }
      }
    }
  }
  return files.sort();
}

export const importCommand: Command = {
  name: "import",
  summary: "Import financial statements (XBRL filings) from files or folders",
  usage: "sector import xbrl <file or folder>… [--json]",
  help: [
    "Each file is imported whole or not at all; a bad file is reported and the others go on.",
    "Importing the same file again changes nothing. Folders are searched for .xbrl and .xml files.",
    "Uses DATABASE_URL, else the embedded database in $SECTOR_DATA_DIR (stop the server first).",
    "",
    "Options:",
    "  --json   Print the report as JSON",
  ],
  options: { json: { type: "boolean" } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [kind, ...paths] = positionals;
    if (kind !== "xbrl")
      throw new UsageError(kind ? `Unknown import kind "${kind}": use xbrl.` : "Say what to import: xbrl.");
    if (paths.length === 0) throw new UsageError("Name at least one file or folder.");
    const files = listFiles(paths.map((given) => path.resolve(io.cwd, given)));
    if (files.length === 0) throw new UsageError("No .xbrl or .xml file found there.");
    const env = parseEnv(io.env, io.cwd);
    const bar = createProgressBar("Import", files.length);
    const report = await withDatabase(env, "sector import", (context) =>
      importXbrlFiles(
        context,
        files.map((file) => ({
          fileName: path.basename(file),
          bytes: new Uint8Array(fs.readFileSync(file)),
        })),
        () => bar.advance(),
      ),
    );
    bar.finish();
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      for (const file of report.files) {
        if (file.outcome === "rejected") io.out(`✗ ${file.fileName}: rejected — ${file.reason}`);
        else {
          const periods = file.periods.map(
            (period) =>
              `${period.periodEndOn}${period.isOwnPeriod ? "" : " (comparative)"} ${period.outcome}`,
          );
          io.out(
            `✓ ${file.fileName}: ${file.company.name} (${file.company.taxCode}${file.company.isNew ? ", new" : ""}) — ${periods.join(", ")}`,
          );
        }
      }
      io.out(
        `${report.counts.imported} imported, ${report.counts.unchanged} unchanged, ${report.counts.rejected} rejected.`,
      );
    }
    return report.counts.rejected > 0 ? 1 : 0;
  },
};
