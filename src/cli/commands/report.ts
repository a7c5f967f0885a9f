import { parseEnv } from "../../server/config/env.ts";
import { reportCompany } from "../../server/features/scoring/report-company.ts";
import { withDatabase } from "../../server/features/system/with-database.ts";
import { type Command, UsageError } from "../command.ts";

const modelNames: Record<string, string> = {
  alert_level: "Alert level",
  cndcec_screen: "CNDCEC screen (breached indices)",
  altman_z: "Altman Z",
  altman_z_prime: "Altman Z′",
  altman_z_double_prime: "Altman Z″",
  zmijewski: "Zmijewski P",
  springate: "Springate S",
  ohlson: "Ohlson P",
};

function formatValue(value: number | null): string {
  return value === null ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(4);
}

export const reportCommand: Command = {
  name: "report",
  summary: "Print a company's early-warning results: every model, every year on record",
  usage: "sector report company <tax code or id> [--json]",
  help: [
    "For each year: each model's value, zone and the inputs it used (amounts in euro cents),",
    "or why it could not be computed. The data are confidential: keep the output inside your scope.",
    "",
    "Options:",
    "  --json   Print the full results as JSON",
  ],
  options: { json: { type: "boolean" } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [kind, reference] = positionals;
    if (kind !== "company" || !reference)
      throw new UsageError("Say which company: sector report company <tax code or id>.");
    const env = parseEnv(io.env, io.cwd);
    const report = await withDatabase(env, "sector report", (context) => reportCompany(context, reference));
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    if (report.years.length === 0) io.out("No statements scored for this company yet.");
    for (const year of report.years) {
      io.out(`\n${year.periodEndOn}`);
      for (const result of year.results) {
        const name = (modelNames[result.model] ?? result.model).padEnd(34);
        if (result.status === "not_computable") {
          const missing = (result.details.missing as string[] | undefined)?.join(", ") ?? "";
          io.out(`  ${name} not computable${missing ? ` — missing ${missing}` : ""}`);
        } else {
          const inputs = Object.entries(result.inputs)
            .map(([key, value]) => `${key}=${formatValue(value)}`)
            .join(" ");
          io.out(
            `  ${name} ${formatValue(result.value).padStart(10)}  ${(result.zone ?? "").padEnd(16)} ${inputs}`,
          );
        }
      }
    }
    return 0;
  },
};
