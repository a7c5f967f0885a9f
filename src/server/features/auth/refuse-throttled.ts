import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import { authPolicy, secondsUntilWindowFrees } from "./auth-policy.ts";

/**
 * Refuses a request past a throttle's limit: writes the audit event saying so, then throws rate_limited
 * with the seconds until the oldest counted request (of each limit reached) leaves the window.
 */
export async function refuseThrottled(
  db: Database,
  event: {
    action: "login.throttled" | "password_reset.throttled";
    actorEmail: string;
    ipAddress: string;
    requestId: string | undefined;
  },
  now: Date,
  blockingSince: readonly Date[],
  message: string,
): Promise<never> {
  await insertAuditEvent(db, { occurredAt: now, ...event });
  throw new AppError(
    "rate_limited",
    message,
    undefined,
    secondsUntilWindowFrees(blockingSince, authPolicy.throttleWindowMinutes, now),
  );
}
