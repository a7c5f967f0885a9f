import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

/** 20 MiB: the largest itcc-ci instances with long notes are a few MiB; anything far above is not a statement. */
export const defaultMaximumXbrlBytes = 20 * 1024 * 1024;

export type XbrlInput = AsyncIterable<string | Uint8Array> | string;

/**
 * Yields the input as text, counting UTF-8 bytes as they arrive and stopping (which closes the source) as soon
 * as the count passes `maximumBytes`. Bytes are decoded as UTF-8 in streaming mode, so a character split
 * between two chunks is kept whole; invalid UTF-8 is refused.
 */
export async function* readXbrlChunks(
  input: XbrlInput,
  maximumBytes: number,
  onByteCount: (byteCount: number) => void,
): AsyncGenerator<string> {
  if (typeof input === "string") {
    const byteCount = Buffer.byteLength(input, "utf8");
    onByteCount(byteCount);
    assertWithinLimit(byteCount, maximumBytes);
    yield input;
    return;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let byteCount = 0;
  for await (const chunk of input) {
    byteCount += typeof chunk === "string" ? Buffer.byteLength(chunk, "utf8") : chunk.byteLength;
    onByteCount(byteCount);
    assertWithinLimit(byteCount, maximumBytes);
    const text = typeof chunk === "string" ? chunk : decode(decoder, chunk, byteCount);
    if (text !== "") yield text;
  }
  const rest = decode(decoder, undefined, byteCount);
  if (rest !== "") yield rest;
}

function decode(decoder: TextDecoder, chunk: Uint8Array | undefined, byteCount: number): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    throw new XbrlRejectedError(
      "not_utf8",
      `The file is not valid UTF-8 (within its first ${byteCount} bytes); itcc-ci instances are UTF-8.`,
    );
  }
}

function assertWithinLimit(byteCount: number, maximumBytes: number): void {
  if (byteCount > maximumBytes) {
    throw new XbrlRejectedError(
      "too_large",
      `The file is larger than the limit of ${maximumBytes} bytes (read ${byteCount} so far); reading stopped.`,
    );
  }
}
