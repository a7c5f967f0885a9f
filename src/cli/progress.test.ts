import { describe, expect, it } from "vitest";
import { createProgressBar, renderProgressLine } from "./progress.ts";

describe(renderProgressLine, () => {
  it.each([
    { done: 0, total: 10, elapsedMs: 0, expected: "Import ░░░░░░░░░░   0% 0/10" },
    { done: 5, total: 10, elapsedMs: 5000, expected: "Import █████░░░░░  50% 5/10 · 5s left" },
    { done: 10, total: 10, elapsedMs: 65_000, expected: "Import ██████████ 100% 10/10 · 1m05s" },
    { done: 15, total: 10, elapsedMs: 1000, expected: "Import ██████████ 100% 10/10 · 1s" },
    { done: 0, total: 0, elapsedMs: 0, expected: "Import ██████████ 100% 0/0 · 0s" },
    { done: 1, total: 3, elapsedMs: 3000, expected: "Import ███░░░░░░░  33% 1/3 · 6s left" },
  ])("renders $done of $total after $elapsedMs ms", ({ done, total, elapsedMs, expected }) => {
    expect(renderProgressLine({ label: "Import", done, total, elapsedMs }, 10)).toBe(expected);
  });
});

describe(createProgressBar, () => {
  it("prints a line at the start and at each tenth of the way when the output is not a terminal", () => {
    const lines: string[] = [];
    let clock = 0;
    const bar = createProgressBar(
      "Scoring",
      100,
      { isTTY: false, write: (chunk) => lines.push(chunk) },
      () => clock,
    );
    for (let step = 0; step < 100; step += 1) {
      clock += 10;
      bar.advance();
    }
    bar.finish();
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/ 1% 1\/100 /);
    expect(lines.at(-1)).toMatch(/^Scoring .* 100% 100\/100 · 1s\n$/);
  });

  it("redraws in place on a terminal and ends with a newline", () => {
    const chunks: string[] = [];
    let clock = 0;
    const bar = createProgressBar(
      "Demo",
      2,
      { isTTY: true, write: (chunk) => chunks.push(chunk) },
      () => clock,
    );
    clock = 200;
    bar.advance();
    bar.finish();
    bar.finish();
    expect(chunks.every((chunk) => chunk.startsWith("\r\x1b[2K"))).toBe(true);
    expect(chunks.at(-1)?.endsWith("\n")).toBe(true);
    expect(chunks).toHaveLength(2);
  });
});
