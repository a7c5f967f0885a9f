import { z } from "zod";

/** The key indices whose medians the dashboards show: the five CNDCEC indices (percent) and Altman Z″. */
export const districtIndexIds = ["I1", "I2", "I3", "I4", "I5", "altman_z_double_prime"] as const;
export type DistrictIndexId = (typeof districtIndexIds)[number];

/** District codes are territory codes (e.g. prato-tessile); `*` is not a district. */
export const DistrictCodeParamsSchema = z.object({
  districtCode: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "a district code: lower-case letters, digits, hyphens" })
    .max(40),
});

export const DistrictReportQuerySchema = z.object({
  lang: z.enum(["it", "en"]).default("it").meta({ description: "Language of the report." }),
});

const MedianSchema = z
  .object({
    median: z.number().nullable(),
    companyCount: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Companies the median is computed from; null on public figures." }),
  })
  .meta({ id: "DistrictMedian" });

export const DistrictFiguresSchema = z
  .object({
    companyCount: z.number().int().nullable(),
    levelCounts: z.object({
      red: z.number().int().nullable(),
      orange: z.number().int().nullable(),
      green: z.number().int().nullable(),
      grey: z.number().int().nullable(),
    }),
    distressShare: z
      .object({
        byCount: z.number().nullable(),
        byEmployees: z.number().nullable(),
        byRevenue: z.number().nullable(),
      })
      .meta({
        description:
          "Companies at red ÷ companies assessable (0–1), by count and weighted; null when not computable or suppressed.",
      }),
    revenueCents: z.number().int().nullable().meta({ description: "Revenue covered, euro cents." }),
    employees: z.number().int().nullable().meta({ description: "Employees covered." }),
    medians: z.record(z.enum(districtIndexIds), MedianSchema),
    suppressed: z.array(z.string()).meta({
      description:
        "Figures withheld by disclosure control (fewer than 5 companies, or recoverable by subtraction), e.g. `levelCounts.red`, `medians.I1`.",
    }),
  })
  .meta({ id: "DistrictFigures" });
export type DistrictFigures = z.infer<typeof DistrictFiguresSchema>;

export const DistrictSummarySchema = z
  .object({
    code: z.string(),
    countryCode: z.string(),
    nameIt: z.string(),
    nameEn: z.string(),
    nameLocal: z.string(),
    centroidLatitude: z.number().nullable(),
    centroidLongitude: z.number().nullable(),
    isInScope: z
      .boolean()
      .meta({ description: "In the caller's territorial scope: the full dashboard is available." }),
    headline: DistrictFiguresSchema.nullable().meta({ description: "All sectors, in the list's year." }),
  })
  .meta({ id: "DistrictSummary" });
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;

export const DistrictListSchema = z
  .object({
    fiscalYear: z.number().int().nullable().meta({ description: "The latest year with aggregates." }),
    items: z.array(DistrictSummarySchema),
    allDistricts: DistrictFiguresSchema.nullable().meta({
      description: "All districts together; null when not available to the caller.",
    }),
    isDisclosureControlled: z.boolean(),
    computedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "DistrictList" });
export type DistrictList = z.infer<typeof DistrictListSchema>;

export const DistrictCellSchema = z
  .object({
    sectorCode: z.string().meta({ description: "ATECO division (2 digits) or `*` for all sectors." }),
    fiscalYear: z.number().int(),
    figures: DistrictFiguresSchema,
  })
  .meta({ id: "DistrictCell" });
export type DistrictCell = z.infer<typeof DistrictCellSchema>;

export const DistrictDashboardSchema = z
  .object({
    district: DistrictSummarySchema.omit({ headline: true }),
    years: z.array(z.number().int()),
    sectors: z.array(z.object({ code: z.string(), titleIt: z.string(), titleEn: z.string().nullable() })),
    cells: z.array(DistrictCellSchema),
    isDisclosureControlled: z.boolean(),
    source: z.object({
      ruleSetVersions: z.array(z.string()),
      computedAt: z.iso.datetime().nullable(),
    }),
  })
  .meta({ id: "DistrictDashboard" });
export type DistrictDashboard = z.infer<typeof DistrictDashboardSchema>;
