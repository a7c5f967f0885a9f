import { parentPort } from "node:worker_threads";
import type {
  ColumnRange,
  ColumnTask,
  NumberColumn,
  RangeMessage,
  RangeReply,
} from "./column-worker-pool.ts";

// A worker takes its range a chunk at a time: the task's own result columns for a chunk stay small enough
// to be in the processor's cache when they are copied into the shared result columns.
const rowsPerChunk = 65_536;

function readRange(message: RangeMessage, start: number, end: number): ColumnRange {
  const numbers: Record<string, NumberColumn> = {};
  for (const [name, column] of Object.entries(message.numbers)) numbers[name] = column.subarray(start, end);
  const texts: Record<string, (string | undefined)[]> = {};
  for (const [name, { codes, values }] of Object.entries(message.texts)) {
    const cells: (string | undefined)[] = new Array(end - start);
    for (let row = start; row < end; row += 1) cells[row - start] = values[codes[row] ?? 0];
    texts[name] = cells;
  }
  return { rowCount: end - start, numbers, texts };
}

function runRange(task: ColumnTask, message: RangeMessage): void {
  for (let start = message.start; start < message.end; start += rowsPerChunk) {
    const end = Math.min(message.end, start + rowsPerChunk);
    const results = task(readRange(message, start, end), message.parameters);
    for (const [name, output] of Object.entries(message.outputs)) {
      const column = results[name];
      if (!column || column.length !== end - start) {
        throw new Error(`Task ${message.task} returned no full column ${name}`);
      }
      output.set(column, start);
    }
  }
}

/** In a worker of a column pool: answers each range message with the named task. */
export function serveColumnTasks(tasks: Readonly<Record<string, ColumnTask>>): void {
  if (!parentPort) throw new Error("serveColumnTasks runs in a worker thread");
  const port = parentPort;
  port.on("message", (message: RangeMessage) => {
    const reply: RangeReply = { id: message.id };
    try {
      const task = tasks[message.task];
      if (!task) throw new Error(`No column task named ${message.task}`);
      runRange(task, message);
    } catch (error) {
      reply.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    port.postMessage(reply);
  });
}
