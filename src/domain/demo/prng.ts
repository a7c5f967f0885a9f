/** A seeded source of pseudo-random numbers; every draw advances the stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [minimum, maximum). */
  between(minimum: number, maximum: number): number;
  /** Uniform integer in [minimum, maximum], both included. */
  integer(minimum: number, maximum: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** Roughly normal (Irwin–Hall sum of four uniforms, so bounded at ±3.46 standard deviations). */
  normal(mean: number, standardDeviation: number): number;
  pick<Item>(items: readonly Item[]): Item;
  pickWeighted<Item>(items: readonly { item: Item; weight: number }[]): Item;
  shuffle<Item>(items: readonly Item[]): Item[];
}

/** Mixes several integers into one 32-bit seed (murmur3 finaliser), so sub-streams do not overlap. */
export function deriveSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ (Math.trunc(part) >>> 0), 0x01000193) >>> 0;
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b) >>> 0;
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** The sum of four uniforms has variance 1/3: scaling by √3 gives a unit standard deviation. */
const irwinHallScale = Math.sqrt(3);

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, deterministic on every engine. */
export function createRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };

  const integer = (minimum: number, maximum: number): number =>
    minimum + Math.floor(next() * (maximum - minimum + 1));

  const pick = <Item>(items: readonly Item[]): Item => {
    const item = items[integer(0, items.length - 1)];
    if (item === undefined) throw new Error("Cannot pick from an empty list");
    return item;
  };

  return {
    next,
    between: (minimum, maximum) => minimum + next() * (maximum - minimum),
    integer,
    chance: (probability) => next() < probability,
    normal: (mean, standardDeviation) =>
      mean + (next() + next() + next() + next() - 2) * irwinHallScale * standardDeviation,
    pick,
    pickWeighted: (items) => {
      const total = items.reduce((sum, entry) => sum + entry.weight, 0);
      let threshold = next() * total;
      for (const entry of items) {
        threshold -= entry.weight;
        if (threshold < 0) return entry.item;
      }
      return pick(items).item;
    },
    shuffle: (items) => {
      const shuffled = [...items];
      for (let index = shuffled.length - 1; index > 0; index -= 1) {
        const other = integer(0, index);
        const current = shuffled[index] as (typeof shuffled)[number];
        shuffled[index] = shuffled[other] as (typeof shuffled)[number];
        shuffled[other] = current;
      }
      return shuffled;
    },
  };
}
