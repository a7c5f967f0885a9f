import type { DatabaseHandle } from "../db/client.ts";
import type { Logger } from "../logging/logger.ts";

/** What the HTTP layer is built from; each feature takes only the parts it needs. */
export type AppDeps = {
  database: DatabaseHandle;
  logger: Logger;
  /** The clock is passed in so tests can fix it. */
  clock: () => Date;
  version: string;
  /** Folder of the built web app; unset → the API only (tests, or Vite serving the UI in dev). */
  webRoot?: string;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
  };
};
