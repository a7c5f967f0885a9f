import { z } from "zod";

export const SeriesFrequencyCodeSchema = z
  .enum(["A", "Q", "M"])
  .meta({ id: "SeriesFrequencyCode", description: "A annual, Q quarterly, M monthly." });

const columnName = z.string().trim().min(1, { error: "name a column" }).max(200);
const dimensionId = z
  .string()
  .trim()
  .min(1, { error: "name the dimension" })
  .max(60)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "letters, digits, _ . - only, starting with a letter" });

export const ImportProfileMappingSchema = z
  .object({
    source: z.string().trim().min(1, { error: "name the producer, e.g. INPS or ESTAT" }).max(60),
    dataset: z.string().trim().min(1, { error: "name the dataset" }).max(120),
    indicator: z.string().trim().min(1).max(120).optional(),
    delimiter: z.enum([",", ";", "\t", "|"]),
    decimalSeparator: z.enum([".", ","]),
    thousandsSeparator: z.enum(["", ".", ",", " ", "'"]).default(""),
    time: z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("column"),
        column: columnName,
        frequency: SeriesFrequencyCodeSchema.optional(),
      }),
      z.object({ kind: z.literal("year_month"), yearColumn: columnName, monthColumn: columnName }),
    ]),
    valueColumn: columnName,
    statusColumn: columnName.optional(),
    keyColumns: z
      .array(z.object({ column: columnName, dimension: dimensionId }))
      .max(20)
      .default([]),
    territory: z
      .object({ column: columnName, dimension: dimensionId, matchBy: z.enum(["code", "name"]) })
      .optional(),
    constants: z.record(dimensionId, z.string().trim().min(1).max(120)).default({}),
    releasedOn: z.iso.date().optional(),
  })
  .refine((mapping) => mapping.decimalSeparator !== mapping.thousandsSeparator, {
    error: "the decimal and thousands separators must differ",
    path: ["thousandsSeparator"],
  })
  .meta({
    id: "ImportProfileMapping",
    description:
      "How to read a CSV file of series: time column(s), value column, key columns, constant key values (a unit is required), separators, territory matching.",
  });

export const ImportProfileInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "give the profile a name" })
      .max(80)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, { error: "letters, digits, spaces, _ . - only" }),
    mapping: ImportProfileMappingSchema,
  })
  .meta({ id: "ImportProfileInput" });
export type ImportProfileInput = z.infer<typeof ImportProfileInputSchema>;

export const ImportProfileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mapping: ImportProfileMappingSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ImportProfile" });
export type ImportProfile = z.infer<typeof ImportProfileSchema>;

export const ImportProfileListSchema = z
  .object({ items: z.array(ImportProfileSchema) })
  .meta({ id: "ImportProfileList" });

export const SeriesFileInputSchema = z
  .object({
    fileName: z.string().trim().min(1, { error: "name the file" }).max(255),
    contentBase64: z
      .base64({ error: "not base64: send the file's bytes encoded as base64 (RFC 4648, with = padding)" })
      .min(1, { error: "the file is empty" })
      .max(11_000_000),
    profileName: z.string().trim().min(1).max(80).optional().meta({
      description: "A saved import profile; needed for CSV files that are neither JSON-stat nor SDMX-CSV.",
    }),
  })
  .meta({ id: "SeriesFileInput" });
export type SeriesFileInput = z.infer<typeof SeriesFileInputSchema>;

export const SeriesPreviewInputSchema = SeriesFileInputSchema.extend({
  mapping: ImportProfileMappingSchema.optional().meta({
    description: "An unsaved mapping to try on the file (instead of profileName).",
  }),
}).meta({ id: "SeriesPreviewInput" });
export type SeriesPreviewInput = z.infer<typeof SeriesPreviewInputSchema>;

export const SeriesFileProblemSchema = z
  .object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  .meta({ id: "SeriesFileProblem" });

const SeriesFormatSchema = z.enum(["json-stat", "sdmx-csv", "csv-profile"]);

const ObservationSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  statusFlag: z.string().nullable(),
  releasedOn: z.iso.date().nullable(),
});

export const SeriesPreviewSchema = z
  .object({
    fileName: z.string(),
    format: SeriesFormatSchema.nullable(),
    outcome: z.enum(["ready", "rejected"]),
    isAlreadyImported: z.boolean(),
    seriesCount: z.number().int(),
    observationCount: z.number().int(),
    series: z
      .array(
        z.object({
          key: z.string(),
          title: z.string(),
          unit: z.string(),
          frequency: SeriesFrequencyCodeSchema,
          territory: z.string().nullable(),
          observationCount: z.number().int(),
          firstObservations: z.array(ObservationSchema),
        }),
      )
      .meta({ description: "The first 20 series with their first 5 observations." }),
    problems: z.array(SeriesFileProblemSchema),
  })
  .meta({ id: "SeriesPreview" });
export type SeriesPreview = z.infer<typeof SeriesPreviewSchema>;

export const SeriesImportReportSchema = z
  .discriminatedUnion("outcome", [
    z.object({
      fileName: z.string(),
      outcome: z.enum(["imported", "unchanged"]),
      format: SeriesFormatSchema,
      series: z.number().int(),
      inserted: z.number().int(),
      revised: z.number().int(),
      unchanged: z.number().int(),
      alarmsEntered: z.number().int(),
    }),
    z.object({
      fileName: z.string(),
      outcome: z.literal("rejected"),
      format: SeriesFormatSchema.nullable(),
      reason: z.string(),
      problems: z.array(SeriesFileProblemSchema),
    }),
  ])
  .meta({ id: "SeriesImportReport" });
export type SeriesImportReport = z.infer<typeof SeriesImportReportSchema>;

export const SeriesAlarmReasonSchema = z
  .object({
    method: z.enum(["modified_z", "cusum_upper", "cusum_lower"]),
    period: z.string(),
    quantity: z.enum(["stl_remainder", "year_on_year"]),
    scoredValue: z.number(),
    statistic: z.number(),
    threshold: z.number(),
    baselineMedian: z.number(),
    baselineSpread: z.number(),
    baselineLength: z.number().int(),
  })
  .meta({
    id: "SeriesAlarmReason",
    description: "Why a series is in alarm: method, statistic against threshold, baseline.",
  });
export type SeriesAlarmReason = z.infer<typeof SeriesAlarmReasonSchema>;

const SeriesSummarySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  source: z.string(),
  dataset: z.string(),
  indicator: z.string(),
  dimensions: z.record(z.string(), z.string()),
  titleIt: z.string(),
  titleEn: z.string(),
  unit: z.string(),
  frequency: SeriesFrequencyCodeSchema,
  territoryCode: z.string().nullable(),
  territoryNameIt: z.string().nullable(),
  territoryNameEn: z.string().nullable(),
  observationCount: z.number().int(),
  latest: z
    .object({ period: z.string(), value: z.number().nullable(), releasedOn: z.iso.date().nullable() })
    .nullable(),
  alarm: z
    .object({
      isInAlarm: z.boolean(),
      latestPeriod: z.string().nullable(),
      reasons: z.array(SeriesAlarmReasonSchema),
      ruleSetVersion: z.string(),
      evaluatedAt: z.iso.datetime(),
    })
    .nullable(),
});

export const DistrictSeriesListQuerySchema = z.object({
  district: z.string().trim().min(1).max(60).optional().meta({
    description: "A district code: only series of its territory, NUTS 3 or NUTS 2 region.",
  }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DistrictSeriesListSchema = z
  .object({ items: z.array(SeriesSummarySchema), total: z.number().int() })
  .meta({ id: "DistrictSeriesList" });
export type DistrictSeriesList = z.infer<typeof DistrictSeriesListSchema>;
export type DistrictSeriesSummary = z.infer<typeof SeriesSummarySchema>;

export const SeriesAnalysisPointSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  yearOnYearChangeRatio: z.number().nullable(),
  trend: z.number().nullable(),
  seasonal: z.number().nullable(),
  remainder: z.number().nullable(),
  modifiedZ: z.number().nullable(),
  cusumUpper: z.number().nullable(),
  cusumLower: z.number().nullable(),
  alarms: z.array(SeriesAlarmReasonSchema),
});

export const DistrictSeriesDetailSchema = z
  .object({
    series: SeriesSummarySchema,
    observations: z.array(ObservationSchema.extend({ periodStartOn: z.iso.date() })),
    revisions: z.array(
      ObservationSchema.extend({ replacedAt: z.iso.datetime() }).meta({
        description: "Values replaced by later releases, newest first.",
      }),
    ),
    analysis: z.object({
      ruleSetVersion: z.string(),
      scoredQuantity: z.enum(["stl_remainder", "year_on_year"]),
      stl: z.object({
        status: z.enum(["decomposed", "skipped"]),
        reason: z.string().nullable(),
      }),
      points: z.array(SeriesAnalysisPointSchema),
      changePoints: z.object({
        periods: z.array(z.string()),
        segments: z.array(z.object({ startPeriod: z.string(), endPeriod: z.string(), mean: z.number() })),
      }),
      latest: z.object({
        period: z.string().nullable(),
        isInAlarm: z.boolean(),
        alarms: z.array(SeriesAlarmReasonSchema),
        notScoredReason: z.string().nullable(),
      }),
    }),
  })
  .meta({ id: "DistrictSeriesDetail" });
export type DistrictSeriesDetail = z.infer<typeof DistrictSeriesDetailSchema>;

export const DistrictAlarmListSchema = z
  .object({
    districtCode: z.string(),
    items: z.array(
      z.object({
        seriesId: z.uuid(),
        titleIt: z.string(),
        titleEn: z.string(),
        unit: z.string(),
        frequency: SeriesFrequencyCodeSchema,
        territoryCode: z.string().nullable(),
        isInAlarm: z.boolean(),
        latestPeriod: z.string().nullable(),
        reasons: z.array(SeriesAlarmReasonSchema),
        ruleSetVersion: z.string(),
        evaluatedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({
    id: "DistrictAlarmList",
    description: "Every signal of a district, those in alarm first, each with why.",
  });
export type DistrictAlarmList = z.infer<typeof DistrictAlarmListSchema>;

export const SeriesExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    series: z.array(
      z.object({
        key: z.string(),
        source: z.string(),
        dataset: z.string(),
        indicator: z.string(),
        dimensions: z.record(z.string(), z.string()),
        unit: z.string(),
        frequency: SeriesFrequencyCodeSchema,
        territoryCode: z.string().nullable(),
        titleEn: z.string(),
        observations: z.array(ObservationSchema),
      }),
    ),
  })
  .meta({ id: "SeriesExport" });
export type SeriesExport = z.infer<typeof SeriesExportSchema>;
