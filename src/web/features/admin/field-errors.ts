import { ApiError } from "../../api-client.ts";

function findField(error: unknown, path: string) {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((field) => field.path === path || field.path.startsWith(`${path}.`));
}

/**
 * The server's complaint about one field (or an item of it, `body.companyIds.2`), told in the
 * interface language by `text`: the server writes English, so a form says it in its own words.
 */
export function fieldErrorText(
  error: unknown,
  path: string,
  text: string | ((serverMessage: string) => string),
): string | undefined {
  const field = findField(error, path);
  if (!field) return undefined;
  return typeof text === "string" ? text : text(field.message);
}

/**
 * Replaces the alert above a form by `summary` when every field the server named is shown next to
 * its input, so that the alert does not repeat the fields' messages in English.
 */
export function formAlertMessages(
  error: unknown,
  shownPaths: readonly string[],
  summary: string,
): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== "validation_failed" || error.fields.length === 0)
    return {};
  const isShown = error.fields.every((field) =>
    shownPaths.some((path) => field.path === path || field.path.startsWith(`${path}.`)),
  );
  return isShown ? { validation_failed: summary } : {};
}
