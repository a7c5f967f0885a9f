import { Worker } from "node:worker_threads";

// A pool of worker threads that run a task over contiguous row ranges of the same columns. Number columns
// are shared with the workers (SharedArrayBuffer): columns already in shared memory are passed as they are,
// the others are copied into shared memory the pool reuses from call to call. Text columns (a statement
// format, a legal form) go as one byte per row. Each worker writes its range of every output column into
// shared result columns, so the caller receives whole columns and nothing is copied back.

export type NumberColumn = Float64Array | Uint8Array | Int8Array;
export type NumberColumnKind = "float64" | "uint8" | "int8";

/** The columns of a task: numbers (NaN or undefined cells as the task reads them) and texts. */
export type ColumnTaskInput = {
  rowCount: number;
  numbers: Readonly<Record<string, NumberColumn | undefined>>;
  texts: Readonly<Record<string, readonly (string | undefined)[]>>;
};

/** What a worker's task receives for its range: views on the shared columns, texts decoded. */
export type ColumnRange = {
  rowCount: number;
  numbers: Readonly<Record<string, NumberColumn>>;
  texts: Readonly<Record<string, (string | undefined)[]>>;
};

/** A worker's task: its range's output columns (each rowCount long), which the worker copies into place. */
export type ColumnTask = (range: ColumnRange, parameters: unknown) => Record<string, NumberColumn>;

/** Main thread → worker. */
export type RangeMessage = {
  id: number;
  task: string;
  start: number;
  end: number;
  numbers: Record<string, NumberColumn>;
  texts: Record<string, { codes: Uint8Array; values: (string | undefined)[] }>;
  outputs: Record<string, NumberColumn>;
  parameters: unknown;
};

/** Worker → main thread. */
export type RangeReply = { id: number; error?: string };

export type ColumnWorkerPool = {
  readonly size: number;
  /** Runs `task` over every row, the rows split in contiguous ranges across the workers. */
  run(
    task: string,
    input: ColumnTaskInput,
    outputs: Readonly<Record<string, NumberColumnKind>>,
    parameters?: unknown,
  ): Promise<Record<string, NumberColumn>>;
  /** Ends the workers; calls after this fail. */
  close(): Promise<void>;
};

const constructors = { float64: Float64Array, uint8: Uint8Array, int8: Int8Array } as const;

function kindOf(column: NumberColumn): NumberColumnKind {
  if (column instanceof Float64Array) return "float64";
  return column instanceof Int8Array ? "int8" : "uint8";
}

/** A column of `kind` on `buffer` (a fresh one when not given). */
function createSharedColumn(
  kind: NumberColumnKind,
  length: number,
  buffer = new SharedArrayBuffer(Math.max(1, length) * constructors[kind].BYTES_PER_ELEMENT),
  offset = 0,
): NumberColumn {
  if (kind === "float64") return new Float64Array(buffer, offset, length);
  return kind === "int8" ? new Int8Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
}

/** Shared memory reused from call to call for the input columns that are not shared already. */
class InputArena {
  #buffer = new SharedArrayBuffer(0);

  /** Copies every column not already in shared memory into the arena (grown when too small). */
  share(numbers: ColumnTaskInput["numbers"], rowCount: number): Record<string, NumberColumn> {
    let bytes = 0;
    for (const column of Object.values(numbers)) {
      if (column && !(column.buffer instanceof SharedArrayBuffer)) {
        bytes += Math.ceil((rowCount * column.BYTES_PER_ELEMENT) / 8) * 8;
      }
    }
    if (this.#buffer.byteLength < bytes) this.#buffer = new SharedArrayBuffer(bytes);
    const shared: Record<string, NumberColumn> = {};
    let offset = 0;
    for (const [name, column] of Object.entries(numbers)) {
      if (!column) continue;
      if (column.length !== rowCount) {
        throw new RangeError(`Column ${name} has ${column.length} rows, not ${rowCount}`);
      }
      if (column.buffer instanceof SharedArrayBuffer) {
        shared[name] = column;
        continue;
      }
      const copy = createSharedColumn(kindOf(column), rowCount, this.#buffer, offset);
      copy.set(column);
      shared[name] = copy;
      offset += Math.ceil((rowCount * column.BYTES_PER_ELEMENT) / 8) * 8;
    }
    return shared;
  }
}

/** Each row's text as a code (its index in `values`); undefined cells get a code too. */
function encodeTexts(cells: readonly (string | undefined)[], rowCount: number) {
  if (cells.length !== rowCount)
    throw new RangeError(`A text column has ${cells.length} rows, not ${rowCount}`);
  const codes = new Uint8Array(new SharedArrayBuffer(Math.max(1, rowCount)), 0, rowCount);
  const values: (string | undefined)[] = [];
  const codeOf = new Map<string | undefined, number>();
  // Rows often repeat the previous row's text: compare with it before looking the text up.
  let previous: string | undefined;
  let previousCode = -1;
  for (let row = 0; row < rowCount; row += 1) {
    const cell = cells[row];
    if (cell !== previous || previousCode === -1) {
      let code = codeOf.get(cell);
      if (code === undefined) {
        code = values.length;
        if (code > 255) throw new RangeError("A text column has more than 256 distinct values");
        values.push(cell);
        codeOf.set(cell, code);
      }
      previous = cell;
      previousCode = code;
    }
    codes[row] = previousCode;
  }
  return { codes, values };
}

/** Contiguous ranges, one per worker, cut on multiples of 2,048 rows (the engine's block). */
function splitRows(rowCount: number, parts: number): [number, number][] {
  const block = 2048;
  const blocks = Math.ceil(rowCount / block);
  const ranges: [number, number][] = [];
  for (let part = 0; part < parts; part += 1) {
    const start = Math.min(rowCount, Math.round((blocks * part) / parts) * block);
    const end = Math.min(rowCount, Math.round((blocks * (part + 1)) / parts) * block);
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
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let isClosed = false;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(bootstrap, { workerData: { entry: entry.href } });
    worker.on("message", (reply: RangeReply) => {
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error === undefined) call?.resolve();
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
  ) => {
    if (isClosed) throw new Error("The worker pool is closed");
    if (failure) throw failure;
    const { rowCount } = input;
    const numbers = arena.share(input.numbers, rowCount);
    const texts: RangeMessage["texts"] = {};
    for (const [name, cells] of Object.entries(input.texts)) texts[name] = encodeTexts(cells, rowCount);
    const outputs: Record<string, NumberColumn> = {};
    for (const [name, kind] of Object.entries(outputKinds))
      outputs[name] = createSharedColumn(kind, rowCount);
    await Promise.all(
      splitRows(rowCount, workers.length).map(([start, end], index) => {
        const id = nextId;
        nextId += 1;
        const message: RangeMessage = { id, task, start, end, numbers, texts, outputs, parameters };
        return new Promise<void>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          workers[index]?.postMessage(message);
        });
      }),
    );
    return outputs;
  };

  return {
    size,
    run(task, input, outputs, parameters) {
      const result = queue.then(() => runNow(task, input, outputs, parameters));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      isClosed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
