import { parseArgs } from "node:util";
import { AppError } from "../server/http/errors.ts";
import { readPackageVersion } from "../server/paths.ts";
import { StartupError } from "../server/startup-error.ts";
import { type Command, type CommandIo, UsageError } from "./command.ts";
import { buildWebCommand } from "./commands/build-web.ts";
import { demoCommand } from "./commands/demo.ts";
import { importCommand } from "./commands/import.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { reportCommand } from "./commands/report.ts";
import { seriesCommand } from "./commands/series.ts";
import { serveCommand } from "./commands/serve.ts";
import { usersCommand } from "./commands/users.ts";

export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  usersCommand,
  demoCommand,
  importCommand,
  reportCommand,
  seriesCommand,
  buildWebCommand,
];

function generalHelp(): string[] {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "sector — SECTOR command line",
    "",
    "Usage: sector <command> [options]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `sector <command> --help` for a command's options.",
    "Environment: DATABASE_URL, SECTOR_DATA_DIR, PORT, HOST, LOG_LEVEL (see README).",
  ];
}

function commandHelp(command: Command): string[] {
  return [`${command.summary}`, "", `Usage: ${command.usage}`, "", ...command.help];
}

/** Runs one CLI invocation and resolves with its exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? commands.find((command) => command.name === rest[0]) : undefined;
    for (const line of topic ? commandHelp(topic) : generalHelp()) io.out(line);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(readPackageVersion());
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run \`sector --help\` for the list.`);
    return 2;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    if (parsed.values.help) {
      for (const line of commandHelp(command)) io.out(line);
      return 0;
    }
    return await command.run(
      parsed.values as Record<string, string | boolean | undefined>,
      parsed.positionals,
      io,
    );
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${(error as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof StartupError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof AppError) {
      io.err(
        [error.message, ...(error.fields ?? []).map((field) => `  ${field.path}: ${field.message}`)].join(
          "\n",
        ),
      );
      return 1;
    }
    throw error;
  }
}
