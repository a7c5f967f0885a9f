/** Limits of the account rules; values follow OWASP's authentication cheat sheet. */
export const authPolicy = {
  /** Failed logins per account inside the window before further attempts are refused. */
  maximumFailuresPerAccount: 5,
  /** Failed logins per client address inside the window (several people may share one address). */
  maximumFailuresPerAddress: 20,
  throttleWindowMinutes: 15,
  passwordMinimumLength: 12,
  passwordMaximumLength: 256,
  passwordResetLifetimeMinutes: 60,
  /** Reset emails per account inside the reset window; further requests send nothing (the answer is the same). */
  maximumPasswordResetsPerAccount: 3,
  passwordResetWindowMinutes: 60,
  /** Reset requests per client address inside the throttle window, whatever the address typed. */
  maximumPasswordResetRequestsPerAddress: 10,
  invitationLifetimeDays: 7,
  /** Sliding expiry is written at most this often per session, to spare the database. */
  sessionTouchIntervalSeconds: 60,
  /** An API token's last use is written at most this often (scripts may call many times a second). */
  apiTokenTouchIntervalSeconds: 60,
  grantReviewIntervalMonths: 6,
} as const;

/** `minutes` after `at` (before it when negative). */
export function minutesLater(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/**
 * Seconds until a throttle counting events over `windowMinutes` frees up again, the oldest counted
 * events leaving the window (at least 1: what Retry-After is sent as).
 */
export function secondsUntilWindowFrees(oldestAt: readonly Date[], windowMinutes: number, now: Date): number {
  const freeAt = Math.max(...oldestAt.map((at) => minutesLater(at, windowMinutes).getTime()));
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

export type SessionPolicy = { idleMinutes: number; absoluteDays: number };
