import { AppError } from "./errors.ts";

// The opaque cursor of a keyset-paginated list: the last row's sort key as base64url JSON. A cursor that
// does not decode to a key the list accepts is a validation error naming the query parameter.

export function encodePageCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key in `text`, if `isKey` accepts it; else a validation error on query.<parameter>. */
export function decodePageCursor<Key>(
  text: string,
  isKey: (value: Partial<Record<keyof Key, unknown>>) => boolean,
  parameter: string,
): Key {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (typeof value === "object" && value !== null && isKey(value as Partial<Record<keyof Key, unknown>>)) {
      return value as Key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", "The page cursor is not valid; start from the first page.", [
    { path: `query.${parameter}`, message: "invalid cursor" },
  ]);
}

/** The key of a list ordered by creation time then id (newest first): an ISO time and a UUID. */
export type TimeAndIdKey = { createdAt: string; id: string };

export function isTimeAndIdKey(value: Partial<Record<keyof TimeAndIdKey, unknown>>): boolean {
  return (
    typeof value.id === "string" &&
    /^[0-9a-f-]{36}$/i.test(value.id) &&
    typeof value.createdAt === "string" &&
    !Number.isNaN(Date.parse(value.createdAt))
  );
}
