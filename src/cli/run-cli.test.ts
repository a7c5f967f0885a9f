import { describe, expect, it } from "vitest";
import { commands, runCli } from "./run-cli.ts";

async function invoke(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    cwd: "/nonexistent",
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe(runCli, () => {
  it("lists every command in the general help", async () => {
    const result = await invoke(["--help"]);
    expect(result.code).toBe(0);
    for (const command of commands) expect(result.out).toContain(command.name);
  });

  it.each(commands.map((command) => [command.name]))(
    "prints usage for `%s --help` without running it",
    async (name) => {
      const result = await invoke([name, "--help"]);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`Usage: sector ${name}`);
    },
  );

  it("answers an unknown command with exit code 2 and a pointer to the help", async () => {
    const result = await invoke(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Unknown command "frobnicate"');
  });

  it("answers an unknown option with exit code 2 and the command's usage", async () => {
    const result = await invoke(["migrate", "--bogus"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Usage: sector migrate");
  });

  it("reports an invalid environment without a stack trace", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["migrate"], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: { DATABASE_URL: "mysql://nope" },
      cwd: "/tmp",
    });
    expect(code).toBe(1);
    expect(err.join("\n")).toContain("DATABASE_URL: must start with postgres://");
  });
});
