// The entry of every column worker: TypeScript modules load in a worker only once tsx's hooks are
// registered in that worker (Node does not pass `--import tsx` on to worker threads), then the worker's
// own module, named in workerData, runs.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
