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
  let decoder = new TextDecoder("utf-8", { fatal: true });
  let isDecoderUsed = false;
  let byteCount = 0;
  for await (const chunk of input) {
    byteCount += typeof chunk === "string" ? Buffer.byteLength(chunk, "utf8") : chunk.byteLength;
    onByteCount(byteCount);
    assertWithinLimit(byteCount, maximumBytes);
    if (typeof chunk === "string") {
      if (chunk !== "") yield chunk;
      continue;
    }
    let text: string;
    if (!isDecoderUsed && endsOutsideCharacter(chunk)) {
      // The whole file in one chunk (as uploads arrive): decoding it as a complete text takes the decoder's
      // fast path, which streaming mode never does. Ending on an ASCII byte, the chunk leaves nothing pending,
      // so a fresh decoder that keeps a later U+FEFF (the stream's BOM is behind) continues exactly.
      text = decode(decoder, chunk, byteCount, false);
      decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } else text = decode(decoder, chunk, byteCount, true);
    isDecoderUsed = true;
    if (text !== "") yield text;
  }
  const rest = decode(decoder, undefined, byteCount, false);
  if (rest !== "") yield rest;
}

// An ASCII last byte either completes the text or fails it: no character can be left open across chunks.
function endsOutsideCharacter(chunk: Uint8Array): boolean {
  const lastByte = chunk[chunk.byteLength - 1];
  return lastByte !== undefined && lastByte < 0x80;
}

function decode(
  decoder: TextDecoder,
  chunk: Uint8Array | undefined,
  byteCount: number,
  isStreaming: boolean,
): string {
  try {
    return decoder.decode(chunk, { stream: isStreaming });
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
