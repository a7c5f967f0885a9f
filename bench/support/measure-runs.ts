import os from "node:os";

/** The middle value (mean of the two middle ones for an even count). */
export function findMedian(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("No values to take the median of");
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Milliseconds taken by one run of `work` (awaited). */
export async function timeRun(work: () => unknown): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

/** The machine a benchmark ran on, printed above its table. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const memoryGigabytes = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memoryGigabytes} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** The 1-minute load average: other processes on the machine slow both sides, not always equally. */
export function describeLoad(): string {
  return (os.loadavg()[0] ?? 0).toFixed(2);
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatInteger = (value: number): string => integerFormat.format(value);
export const formatDecimal = (value: number): string => decimalFormat.format(value);
export const formatRatio = (value: number): string => `${value.toFixed(2)}×`;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const formatRow = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [formatRow(header), rule, ...rows.map(formatRow)].join("\n");
}
