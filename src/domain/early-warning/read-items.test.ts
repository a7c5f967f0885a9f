import { describe, expect, it } from "vitest";
import { createItemReader } from "./read-items.ts";

describe(createItemReader, () => {
  const statement = (format: "ordinary" | "micro", items: Record<string, number>) =>
    createItemReader({
      format,
      legalForm: "srl",
      periodStartOn: "2024-01-01",
      periodEndOn: "2024-12-31",
      items,
    });

  it.each([
    ["a present item", statement("ordinary", { totalAssets: 500 }), "totalAssets", 500],
    ["an item the format has but the filing omits", statement("ordinary", {}), "taxDebts", 0],
    ["an item the format does not have", statement("micro", {}), "nonMonetaryAdjustments", undefined],
  ] as const)("reads %s", (_name, read, id, expected) => {
    expect(read(id)).toBe(expected);
  });
});
