export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
};

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

type Sink = (line: string) => void;

/** Structured logs: one JSON object per line, with `time`, `level`, `msg` and bound fields. */
export function createLogger(
  level: LogLevel,
  sink: Sink = (line) => process.stdout.write(`${line}\n`),
  bound: LogFields = {},
  now: () => Date = () => new Date(),
): Logger {
  const write = (lineLevel: Exclude<LogLevel, "silent">, message: string, fields?: LogFields) => {
    if (rank[lineLevel] < rank[level]) return;
    const entry: LogFields = { time: now().toISOString(), level: lineLevel, msg: message };
    Object.assign(entry, bound, fields);
    if (entry.err instanceof Error) {
      entry.err = { name: entry.err.name, message: entry.err.message, stack: entry.err.stack };
    }
    sink(JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger(level, sink, { ...bound, ...fields }, now),
  };
}
