/** Progress bars for long CLI work (imports, scoring, demo loading). */
export type ProgressState = { label: string; done: number; total: number; elapsedMs: number };

function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
}

/** One line: label, bar, percentage, counts and the estimated time left. Pure. */
export function renderProgressLine(state: ProgressState, barWidth = 30): string {
  const total = Math.max(0, state.total);
  const done = Math.min(Math.max(0, state.done), total);
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * barWidth);
  const bar = `${"█".repeat(filled)}${"░".repeat(barWidth - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  let eta = "";
  if (done > 0 && done < total) {
    eta = ` · ${formatDuration((state.elapsedMs / done) * (total - done))} left`;
  } else if (done === total) {
    eta = ` · ${formatDuration(state.elapsedMs)}`;
  }
  return `${state.label} ${bar} ${percent} ${done}/${total}${eta}`;
}

type Output = { isTTY?: boolean; write(chunk: string): unknown };

export type ProgressBar = {
  advance(step?: number): void;
  update(done: number): void;
  finish(): void;
};

/**
 * On a terminal the line is redrawn in place (at most every 100 ms); elsewhere (CI, pipes) a
 * line is printed at every tenth of the way so logs stay short.
 */
export function createProgressBar(
  label: string,
  total: number,
  output: Output = process.stderr,
  now: () => number = () => performance.now(),
): ProgressBar {
  const startedAt = now();
  let done = 0;
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  let lastDecile = -1;
  let isFinished = false;
  const draw = (isFinal: boolean) => {
    const line = renderProgressLine({ label, done, total, elapsedMs: now() - startedAt });
    if (output.isTTY) {
      if (!isFinal && now() - lastDrawAt < 100) return;
      lastDrawAt = now();
      output.write(`\r\x1b[2K${line}${isFinal ? "\n" : ""}`);
      return;
    }
    const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (decile > lastDecile || isFinal) {
      if (decile === lastDecile && isFinal) return;
      lastDecile = decile;
      output.write(`${line}\n`);
    }
  };
  return {
    advance(step = 1) {
      this.update(done + step);
    },
    update(value) {
      if (isFinished) return;
      done = Math.min(Math.max(0, value), total);
      draw(false);
    },
    finish() {
      if (isFinished) return;
      done = total;
      draw(true);
      isFinished = true;
    },
  };
}
