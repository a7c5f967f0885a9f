/** Splits `count` into exact counts per key by the largest-remainder method, as a flat list of keys. */
export function allocateByShares<Key extends string>(
  count: number,
  shares: Readonly<Record<Key, number>>,
): Key[] {
  const entries = Object.entries(shares) as [Key, number][];
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const allocated = entries.map(([key, share]) => {
    const exact = total > 0 ? (count * share) / total : 0;
    return { key, remainder: exact - Math.floor(exact), count: Math.floor(exact) };
  });
  let left = count - allocated.reduce((sum, entry) => sum + entry.count, 0);
  for (const entry of [...allocated].sort((first, second) => second.remainder - first.remainder)) {
    if (left <= 0) break;
    entry.count += 1;
    left -= 1;
  }
  return allocated.flatMap((entry) => Array.from({ length: entry.count }, () => entry.key));
}
