/** The versioned data of the disclosure-control rule (early-warning.md §5, "Disclosure control on public figures"). */
export type DisclosureRuleSet = {
  version: string;
  /** A figure computed from fewer companies than this is suppressed. */
  minimumCompanyCount: { value: number; source: string };
};

export const disclosureRuleSet2026: DisclosureRuleSet = {
  version: "disclosure-2026.1",
  minimumCompanyCount: {
    value: 5,
    source:
      "early-warning.md §5, Disclosure control on public figures: a cell computed from fewer than 5 companies is suppressed",
  },
};
