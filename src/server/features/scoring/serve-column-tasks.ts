import { parentPort } from "node:worker_threads";
import type { ColumnTask, RangeMessage, RangeReply } from "./column-worker-pool.ts";

/** In a worker of a column pool: answers each range message with the named task's result. */
export function serveColumnTasks(tasks: Readonly<Record<string, ColumnTask>>): void {
  if (!parentPort) throw new Error("serveColumnTasks runs in a worker thread");
  const port = parentPort;
  port.on("message", (message: RangeMessage) => {
    const reply: RangeReply = { id: message.id };
    try {
      const task = tasks[message.task];
      if (!task) throw new Error(`No column task named ${message.task}`);
      const { rowCount, start, end, numbers, outputs } = message;
      reply.result = task({ rowCount, start, end, numbers, outputs }, message.parameters);
    } catch (error) {
      reply.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    port.postMessage(reply);
  });
}
