import { fork } from "node:child_process";
import path from "node:path";
import { packageRoot } from "../../src/server/paths.ts";
import type { DuckDbRequest, DuckDbResponse } from "./duckdb-messages.ts";

export type DuckDbProcess = {
  ask<Kind extends DuckDbResponse["kind"]>(
    request: DuckDbRequest,
    expected: Kind,
  ): Promise<Extract<DuckDbResponse, { kind: Kind }>>;
  stop(): Promise<void>;
};

type Reply = { id: number; response?: DuckDbResponse; error?: string };

/** Starts bench:score's DuckDB process (duckdb-scoring-process.ts) and resolves once DuckDB is open. */
export function startDuckDbProcess(): Promise<DuckDbProcess> {
  const child = fork(path.join(packageRoot, "bench/support/duckdb-scoring-process.ts"), [], {
    cwd: packageRoot,
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  child.once("exit", (code) => failAll(new Error(`the DuckDB process exited (${code})`)));
  // A failed start, or a message that could not be sent: every waiting request fails with it.
  child.on("error", (error) => failAll(error));
  child.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    waiting?.resolve(reply);
  });
  const send = (id: number, request: DuckDbRequest | undefined) =>
    new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (request) child.send({ id, request });
    });
  const ask: DuckDbProcess["ask"] = async (request, expected) => {
    const reply = await send(nextId++, request);
    if (reply.error !== undefined) throw new Error(`DuckDB process, ${request.kind}: ${reply.error}`);
    if (reply.response?.kind !== expected) {
      throw new Error(`DuckDB process, ${request.kind}: answered ${reply.response?.kind ?? "nothing"}`);
    }
    return reply.response as Extract<DuckDbResponse, { kind: typeof expected }>;
  };
  return send(0, undefined).then(() => ({
    ask,
    stop: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  }));
}
