import { describe, expect, it } from "vitest";
import { chooseCurrentVersion } from "./choose-current-version.ts";

describe(chooseCurrentVersion, () => {
  it.each([
    ["no version", [], undefined],
    ["a single comparative", [{ id: "c", isOwnPeriod: false, filedAt: "2022-05-01" }], "c"],
    [
      // Animeshon: the 2020 filing's own short period stays current although the 2021 filing restates it later.
      "an own period against a later comparative",
      [
        { id: "filing-2020-own", isOwnPeriod: true, filedAt: "2021-06-30" },
        { id: "filing-2021-comparative", isOwnPeriod: false, filedAt: "2022-06-30" },
      ],
      "filing-2020-own",
    ],
    [
      "two own periods: the later filing (a correction) wins",
      [
        { id: "first", isOwnPeriod: true, filedAt: "2023-05-10" },
        { id: "corrected", isOwnPeriod: true, filedAt: "2023-09-01" },
      ],
      "corrected",
    ],
    [
      "two comparatives: the later one wins",
      [
        { id: "older", isOwnPeriod: false, filedAt: "2023-05-10" },
        { id: "newer", isOwnPeriod: false, filedAt: "2024-05-10" },
      ],
      "newer",
    ],
    [
      "equal filing times keep the first seen",
      [
        { id: "a", isOwnPeriod: true, filedAt: "2023-05-10" },
        { id: "b", isOwnPeriod: true, filedAt: "2023-05-10" },
      ],
      "a",
    ],
  ] as const)("%s", (_name, versions, expected) => {
    expect(chooseCurrentVersion(versions)).toBe(expected);
  });
});
