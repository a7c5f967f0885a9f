import type { DatabaseHandle } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";

/** The channel migration 0010 notifies after any statement on the tables the detection list reads. */
export const detectionListChannel = "sector_detection_list";

/**
 * Detection-list pages kept per process, keyed by who asks (user and scope) and what (filters, sort, page),
 * and emptied whenever the data under them may have changed. An entry is served only while the database's
 * change notifications are being received, at most `maxAgeMs` after it was read, and only if no change
 * arrived while it was being read.
 */
export type DetectionPageCache = {
  read(key: string, load: () => Promise<string>): Promise<string>;
  /** Forgets every page: a change was notified, or this process just wrote something. */
  invalidate(): void;
  /** While false (no subscription, or its connection dropped) nothing is kept and every read loads. */
  setListening(isListening: boolean): void;
  readonly stats: { hits: number; misses: number; entries: number; isListening: boolean };
};

type Entry = { body: string; readAt: number };

export function createDetectionPageCache(
  options: { now?: () => number; maxEntries?: number; maxAgeMs?: number } = {},
): DetectionPageCache {
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 500;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  let isListening = false;
  let hits = 0;
  let misses = 0;
  const invalidate = () => {
    generation += 1;
    entries.clear();
  };
  return {
    async read(key, load) {
      const entry = entries.get(key);
      if (isListening && entry && now() - entry.readAt <= maxAgeMs) {
        hits += 1;
        // Most recently used last: the first key is the one to evict.
        entries.delete(key);
        entries.set(key, entry);
        return entry.body;
      }
      misses += 1;
      const readingGeneration = generation;
      const readAt = now();
      const body = await load();
      if (isListening && generation === readingGeneration) {
        entries.delete(key);
        entries.set(key, { body, readAt });
        if (entries.size > maxEntries) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
      }
      return body;
    },
    invalidate,
    setListening(listening) {
      // Notifications may have been missed while not listening: start again from nothing.
      invalidate();
      isListening = listening;
    },
    get stats() {
      return { hits, misses, entries: entries.size, isListening };
    },
  };
}

/** A cache subscribed to the database's change notifications; stop() unsubscribes. */
export async function startDetectionPageCache(deps: {
  database: Pick<DatabaseHandle, "listen">;
  logger: Logger;
}): Promise<{ cache: DetectionPageCache; stop(): Promise<void> }> {
  const cache = createDetectionPageCache();
  let isStopping = false;
  const unlisten = await deps.database.listen(detectionListChannel, {
    onNotification: () => cache.invalidate(),
    onListening: (isListening) => {
      cache.setListening(isListening);
      if (!isListening && !isStopping) {
        deps.logger.warn("detection list cache off: change notifications interrupted");
      }
    },
  });
  return {
    cache,
    async stop() {
      isStopping = true;
      await unlisten();
    },
  };
}
