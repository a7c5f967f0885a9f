import { useTranslation } from "react-i18next";
import { ApiError } from "../api-client.ts";

/** Says what went wrong in the user's language; the server's sentence is kept for the details. */
export function describeError(
  error: unknown,
  translate: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (!(error instanceof ApiError)) return translate("errors.unexpected");
  if (error.kind === "network") return translate("errors.network");
  switch (error.code) {
    case "rate_limited":
      return translate("errors.rateLimited", {
        minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)),
      });
    case "unauthenticated":
    case "forbidden":
    case "not_found":
    case "conflict":
    case "validation_failed":
    case "reason_required":
    case "payload_too_large":
    case "service_unavailable":
      return translate(`errors.${error.code}`, { message: error.message });
    default:
      return translate("errors.withRequestId", { requestId: error.requestId ?? "—" });
  }
}

/** `messages` replaces the text for given error codes (e.g. a wrong password on the sign-in form). */
export function ErrorAlert({ error, messages = {} }: { error: unknown; messages?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div role="alert" className="alert alert--error">
      {(code && messages[code]) || describeError(error, t)}
    </div>
  );
}
