import { z } from "zod";
import { AtecoSectorFilterSchema, createKeysetPageSchema, SizeClassSchema } from "./registry.ts";
import { LocaleSchema } from "./system.ts";

/** The alert levels of early-warning.md §7, most severe first. */
export const alertLevels = ["red", "orange", "green", "grey"] as const;
export const DetectionAlertLevelSchema = z.enum(alertLevels).meta({ id: "DetectionAlertLevel" });
export type DetectionAlertLevel = z.infer<typeof DetectionAlertLevelSchema>;

export const distressModels = ["altman_z_double_prime", "zmijewski", "springate"] as const;
export const DistressModelSchema = z.enum(distressModels).meta({ id: "DetectionDistressModel" });
export type DistressModelId = z.infer<typeof DistressModelSchema>;

/** "severity" puts red first; a leading minus reverses the order. */
export const DetectionSortSchema = z
  .enum(["severity", "name", "-name", "-revenue", "revenue", "-employees", "employees", "-year", "year"])
  .meta({ id: "DetectionSort" });
export type DetectionSort = z.infer<typeof DetectionSortSchema>;

// The same filters come as a query string (text) and as saved-view JSON (arrays and booleans).
const FlagSchema = z.union([z.boolean(), z.stringbool({ error: "true or false" })]);

const AlertLevelListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(","))
      .map((level) => level.trim())
      .filter((level) => level !== ""),
  )
  .pipe(z.array(DetectionAlertLevelSchema).max(alertLevels.length))
  .meta({ description: "One or more of red, orange, green, grey (comma-separated or repeated)." });

const codePattern = /^[A-Za-z0-9-]{2,40}$/;

/** The filters and order of the detection list; saved views store exactly this. */
export const DetectionFiltersSchema = z
  .object({
    year: z.coerce
      .number({ error: "a year, e.g. 2024" })
      .int()
      .min(1990)
      .max(2100)
      .optional()
      .meta({ description: "Fiscal year; without it, each company's latest year on record." }),
    territory: z
      .string()
      .trim()
      .regex(codePattern, { error: "a country, NUTS region or district code" })
      .optional(),
    district: z
      .string()
      .trim()
      .regex(codePattern, { error: "a district code, e.g. prato-tessile" })
      .optional(),
    sector: AtecoSectorFilterSchema.optional(),
    sizeClass: SizeClassSchema.optional(),
    alertLevel: AlertLevelListSchema.optional(),
    model: DistressModelSchema.optional().meta({
      description: "Only companies this distress model puts in distress.",
    }),
    firstAlert: FlagSchema.optional(),
    deteriorating: FlagSchema.optional(),
    followedByMe: FlagSchema.optional(),
    sort: DetectionSortSchema.default("severity"),
  })
  .meta({ id: "DetectionFilters" });
export type DetectionFilters = z.infer<typeof DetectionFiltersSchema>;
export type DetectionFiltersInput = z.input<typeof DetectionFiltersSchema>;

export const detectionPageLimit = 200;

export const DetectionListQuerySchema = DetectionFiltersSchema.extend({
  after: z.string().max(2000).optional().meta({ description: "Keyset cursor from the previous page." }),
  limit: z.coerce.number().int().min(1).max(detectionPageLimit).default(50),
});
export type DetectionListQuery = z.infer<typeof DetectionListQuerySchema>;

export const detectionExportCap = 50_000;

/** The exact number of companies a filtered list matches, and how many an export may hold. */
export const DetectionCountSchema = z
  .object({ total: z.number().int(), exportCap: z.number().int() })
  .meta({ id: "DetectionCount" });
export type DetectionCount = z.infer<typeof DetectionCountSchema>;

export const DetectionExportQuerySchema = DetectionFiltersSchema.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  lang: LocaleSchema.optional().meta({ description: "Column headers' language; default the user's." }),
});
export type DetectionExportQuery = z.infer<typeof DetectionExportQuerySchema>;

export const DetectionItemSchema = z
  .object({
    companyId: z.uuid(),
    name: z.string(),
    countryCode: z.string(),
    taxCode: z.string(),
    atecoCode: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtNameIt: z.string().nullable(),
    districtNameEn: z.string().nullable(),
    sizeClass: SizeClassSchema,
    fiscalYear: z.number().int(),
    periodEndOn: z.string(),
    alertLevel: DetectionAlertLevelSchema,
    previousAlertLevel: DetectionAlertLevelSchema.nullable(),
    isDeteriorating: z.boolean(),
    isFirstAlert: z.boolean(),
    isLatest: z.boolean(),
    distressModels: z.array(DistressModelSchema),
    emRating: z.string().nullable(),
    cndcecOutcome: z.string().nullable(),
    breachedIndexCount: z.number().int(),
    revenueCents: z.number().nullable().meta({ description: "Revenue in euro cents." }),
    employees: z.number().int().nullable(),
    isFollowed: z.boolean(),
  })
  .meta({ id: "DetectionItem" });
export type DetectionItem = z.infer<typeof DetectionItemSchema>;

/** The list counts its matching rows up to this many; past it, the page says "more than". */
export const detectionTotalCap = 1_000;

export const DetectionPageSchema = createKeysetPageSchema(DetectionItemSchema)
  .extend({
    total: z
      .number()
      .int()
      .meta({
        description: `Companies matching the filters (all pages), counted up to ${detectionTotalCap}: the exact number when isTotalExact, else ${detectionTotalCap} (more match).`,
      }),
    isTotalExact: z.boolean().meta({
      description: `False when more than ${detectionTotalCap} companies match: total is then the bound, not the count. The export counts exactly.`,
    }),
  })
  .meta({ id: "DetectionPage" });
export type DetectionPage = z.infer<typeof DetectionPageSchema>;

const ViewNameSchema = z
  .string()
  .trim()
  .min(1, { error: "give the view a name" })
  .max(80, { error: "at most 80 characters" });

export const SavedViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    filters: DetectionFiltersSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z
  .object({ items: z.array(SavedViewSchema) })
  .meta({ id: "SavedViewList" });

export const CreateSavedViewInputSchema = z
  .object({ name: ViewNameSchema, filters: DetectionFiltersSchema })
  .meta({ id: "CreateSavedViewInput" });
export type CreateSavedViewInput = z.input<typeof CreateSavedViewInputSchema>;

export const UpdateSavedViewInputSchema = z
  .object({ name: ViewNameSchema.optional(), filters: DetectionFiltersSchema.optional() })
  .refine((input) => input.name !== undefined || input.filters !== undefined, {
    error: "change the name, the filters or both",
    path: ["name"],
  })
  .meta({ id: "UpdateSavedViewInput" });
export type UpdateSavedViewInput = z.input<typeof UpdateSavedViewInputSchema>;

export const FollowListSchema = z
  .object({
    companies: z.array(
      z.object({
        companyId: z.uuid(),
        name: z.string(),
        districtCode: z.string().nullable(),
        followedAt: z.iso.datetime(),
      }),
    ),
    districts: z.array(
      z.object({
        districtCode: z.string(),
        nameIt: z.string(),
        nameEn: z.string(),
        followedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "FollowList" });
export type FollowList = z.infer<typeof FollowListSchema>;
