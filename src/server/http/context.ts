import type { DatabaseHandle } from "../db/client.ts";
import type { SessionPolicy } from "../features/auth/auth-policy.ts";
import type { Principal } from "../features/auth/principal.ts";
import type { JobQueue } from "../features/jobs/job-queue.ts";
import type { DetectionPageCache } from "../features/risk/detection-page-cache.ts";
import type { Logger } from "../logging/logger.ts";
import type { Mailer } from "../mail/mailer.ts";

/** What the HTTP layer is built from; each feature takes only the parts it needs. */
export type AppDeps = {
  database: DatabaseHandle;
  logger: Logger;
  /** The clock is passed in so tests can fix it. */
  clock: () => Date;
  version: string;
  /** Folder of the built web app; unset → the API only (tests, or Vite serving the UI in dev). */
  webRoot?: string;
  mailer: Mailer;
  sessionPolicy: SessionPolicy;
  /** How long an out-of-scope access lasts once a reason is given. */
  outOfScopeAccessHours: number;
  /** Behind a reverse proxy: client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Cookies marked Secure (the site is served over HTTPS). */
  isSecureCookie: boolean;
  /** Base of links in emails; unset → the origin of the request. */
  publicUrl: string | undefined;
  /** Demo mode: the demo users' credentials are shown on the sign-in page. */
  isDemoEnabled: boolean;
  /** The background queue; unset in in-process tests that do not need it. */
  jobs?: JobQueue;
  /** Detection-list pages kept until the database notifies a change; unset → every request reads. */
  detectionPageCache?: DetectionPageCache;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal | undefined;
  };
};
