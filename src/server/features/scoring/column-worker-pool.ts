import { Worker } from "node:worker_threads";
import { rowsPerBlock } from "../../../domain/early-warning/batch-programs.ts";

// A pool of worker threads that run a task over contiguous row ranges of the same columns. Input columns
// are shared with the workers (SharedArrayBuffer): columns already in shared memory are passed as they are,
// the others are copied into shared memory the pool reuses from call to call. The output columns are
// shared too: each worker writes its own rows of them in place, so nothing is copied back.

export type NumberColumn = Float64Array | Uint8Array | Int8Array | Uint16Array;
export type NumberColumnKind = "float64" | "uint8" | "int8" | "uint16";

/** The input columns of a call, every one `rowCount` long. */
export type ColumnTaskInput = {
  rowCount: number;
  numbers: Readonly<Record<string, NumberColumn | undefined>>;
};

/** What a worker's task receives: whole shared columns, and the rows start … end − 1 it scores. */
export type ColumnRange = {
  rowCount: number;
  start: number;
  end: number;
  numbers: Readonly<Record<string, NumberColumn>>;
  outputs: Readonly<Record<string, NumberColumn>>;
};

/** A worker's task: writes its rows of the output columns and returns what else the caller needs (cloned). */
export type ColumnTask = (range: ColumnRange, parameters: unknown) => unknown;

/** Main thread → worker. */
export type RangeMessage = ColumnRange & { id: number; task: string; parameters: unknown };

/** Worker → main thread. */
export type RangeReply = { id: number; result?: unknown; error?: string };

/** A call's result: the output columns, and each range's task result in row order. */
export type ColumnTaskResult = {
  outputs: Record<string, NumberColumn>;
  ranges: { start: number; end: number; result: unknown }[];
};

export type ColumnWorkerPool = {
  readonly size: number;
  /**
   * Runs `task` over every row, the rows split in contiguous ranges (4 per worker), each handed to the next
   * free worker. The output columns
   * are allocated in shared memory, or taken from `reuse` (columns of an earlier call, rewritten).
   */
  run(
    task: string,
    input: ColumnTaskInput,
    outputs: Readonly<Record<string, NumberColumnKind>>,
    parameters?: unknown,
    reuse?: Readonly<Record<string, NumberColumn>>,
  ): Promise<ColumnTaskResult>;
  /** Ends the workers; calls after this fail. */
  close(): Promise<void>;
};

const constructors = {
  float64: Float64Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
} as const;

function kindOf(column: NumberColumn): NumberColumnKind {
  if (column instanceof Float64Array) return "float64";
  if (column instanceof Uint16Array) return "uint16";
  return column instanceof Int8Array ? "int8" : "uint8";
}

/** A column of an earlier call for output `name`: of its kind, `length` long, in shared memory. */
export function checkReusedColumn(
  name: string,
  column: NumberColumn | undefined,
  kind: NumberColumnKind,
  length: number,
) {
  if (column === undefined) throw new RangeError(`No column to reuse for output ${name}`);
  if (!(column instanceof constructors[kind]) || column.length !== length) {
    throw new RangeError(`The column reused for output ${name} must be a ${kind} column of ${length} rows`);
  }
  if (!(column.buffer instanceof SharedArrayBuffer)) {
    throw new RangeError(`The column reused for output ${name} must be in shared memory`);
  }
  return column;
}

/** A column of `kind` on `buffer` (a fresh one when not given). */
function createSharedColumn(
  kind: NumberColumnKind,
  length: number,
  buffer = new SharedArrayBuffer(Math.max(1, length) * constructors[kind].BYTES_PER_ELEMENT),
  offset = 0,
): NumberColumn {
  if (kind === "float64") return new Float64Array(buffer, offset, length);
  if (kind === "uint16") return new Uint16Array(buffer, offset, length);
  return kind === "int8" ? new Int8Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
}

const alignedBytes = (column: NumberColumn, rowCount: number) =>
  Math.ceil((rowCount * column.BYTES_PER_ELEMENT) / 8) * 8;

/** Shared memory reused from call to call for the input columns that are not shared already. */
class InputArena {
  #buffer = new SharedArrayBuffer(0);

  /** Copies every column not already in shared memory into the arena (grown when too small). */
  share(numbers: ColumnTaskInput["numbers"], rowCount: number): Record<string, NumberColumn> {
    let bytes = 0;
    for (const [name, column] of Object.entries(numbers)) {
      if (!column) continue;
      if (column.length !== rowCount) {
        throw new RangeError(`Column ${name} has ${column.length} rows, not ${rowCount}`);
      }
      if (!(column.buffer instanceof SharedArrayBuffer)) bytes += alignedBytes(column, rowCount);
    }
    if (this.#buffer.byteLength < bytes) this.#buffer = new SharedArrayBuffer(bytes);
    const shared: Record<string, NumberColumn> = {};
    let offset = 0;
    for (const [name, column] of Object.entries(numbers)) {
      if (!column) continue;
      if (column.buffer instanceof SharedArrayBuffer) {
        shared[name] = column;
        continue;
      }
      const copy = createSharedColumn(kindOf(column), rowCount, this.#buffer, offset);
      copy.set(column);
      shared[name] = copy;
      offset += alignedBytes(column, rowCount);
    }
    return shared;
  }
}

// Ranges per worker in a call, and the fewest blocks of rows a range is worth: a range costs a message
// each way and compiling the rule sets, about a millisecond, so a smaller batch is cut into fewer ranges
// (one below 2 × 8 blocks, scored by one worker).
const rangesPerWorker = 4;
const minimumBlocksPerRange = 8;

/**
 * At most `maximumParts` contiguous ranges of at least minimumBlocksPerRange blocks each (one range when
 * the rows are fewer), cut on multiples of the engine's block of rows.
 */
function splitRows(rowCount: number, maximumParts: number): [number, number][] {
  const blocks = Math.ceil(rowCount / rowsPerBlock);
  const parts = Math.max(1, Math.min(maximumParts, Math.floor(blocks / minimumBlocksPerRange)));
  const ranges: [number, number][] = [];
  for (let part = 0; part < parts; part += 1) {
    const start = Math.min(rowCount, Math.round((blocks * part) / parts) * rowsPerBlock);
    const end = Math.min(rowCount, Math.round((blocks * (part + 1)) / parts) * rowsPerBlock);
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

/**
 * Starts `size` workers running the module at `entry` (a .ts module that calls serveColumnTasks). They
 * stay up until close(): starting a worker costs tens of milliseconds, a call a fraction of one.
 */
export function createColumnWorkerPool(entry: URL, size: number): ColumnWorkerPool {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`A pool needs at least one worker, not ${size}`);
  const bootstrap = new URL("./column-worker-bootstrap.mjs", import.meta.url);
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let isClosed = false;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(bootstrap, { workerData: { entry: entry.href } });
    worker.on("message", (reply: RangeReply) => {
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error === undefined) call?.resolve(reply.result);
      else call?.reject(new Error(reply.error));
    });
    // A worker that fails or exits fails the calls waiting on it, and every later call.
    const fail = (error: Error) => {
      failure ??= error;
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!isClosed) fail(new Error(`A scoring worker exited with code ${code}`));
    });
    return worker;
  });
  const arena = new InputArena();
  let nextId = 0;
  // Calls run one after the other: they share the arena, and each already uses every worker.
  let queue: Promise<unknown> = Promise.resolve();

  const runNow = async (
    task: string,
    input: ColumnTaskInput,
    outputKinds: Readonly<Record<string, NumberColumnKind>>,
    parameters: unknown,
    reuse: Readonly<Record<string, NumberColumn>> | undefined,
  ): Promise<ColumnTaskResult> => {
    if (isClosed) throw new Error("The worker pool is closed");
    if (failure) throw failure;
    const { rowCount } = input;
    const outputs: Record<string, NumberColumn> = {};
    for (const [name, kind] of Object.entries(outputKinds)) {
      outputs[name] = reuse
        ? checkReusedColumn(name, reuse[name], kind, rowCount)
        : createSharedColumn(kind, rowCount);
    }
    const numbers = arena.share(input.numbers, rowCount);
    // More ranges than workers, each handed to the next worker that is free: a worker slowed by other work
    // on the machine scores fewer of them instead of holding up the call.
    const rows = splitRows(rowCount, workers.length * rangesPerWorker);
    const ranges: { start: number; end: number; result: unknown }[] = new Array(rows.length);
    let next = 0;
    const runRange = (worker: Worker, start: number, end: number) => {
      const id = nextId;
      nextId += 1;
      const message: RangeMessage = { id, task, rowCount, start, end, numbers, outputs, parameters };
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(message);
      });
    };
    // A failed range stops the handing out, but the call settles only once every range under way has:
    // none of them then reads or writes the columns while a later call uses them.
    let failed: { error: unknown } | undefined;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < rows.length && failed === undefined) {
          const position = next;
          next += 1;
          const [start, end] = rows[position] as [number, number];
          try {
            ranges[position] = { start, end, result: await runRange(worker, start, end) };
          } catch (error) {
            failed ??= { error };
          }
        }
      }),
    );
    if (failed) throw failed.error;
    return { outputs, ranges };
  };

  return {
    size,
    run(task, input, outputs, parameters, reuse) {
      const result = queue.then(() => runNow(task, input, outputs, parameters, reuse));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      isClosed = true;
      // A call still running fails now, and so does every call queued behind it.
      const closed = new Error("The worker pool was closed");
      for (const call of pending.values()) call.reject(closed);
      pending.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
