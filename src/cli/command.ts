import type { ParseArgsConfig } from "node:util";

export type CommandIo = {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
};

export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** Lines after the usage in `--help`: options and examples. */
  help: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  allowPositionals?: boolean;
  /** Resolves with the exit code; long-running commands resolve when they stop. */
  run(
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
    io: CommandIo,
  ): Promise<number>;
};

export class UsageError extends Error {
  override name = "UsageError";
}
