import { z } from "zod";
import { JobRunStateSchema } from "./jobs.ts";

export const StatementFileInputSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().min(1, { error: "the file is empty" }).max(11_000_000),
  })
  .meta({ id: "StatementFileInput" });

export const ImportedPeriodSchema = z.object({
  periodStartOn: z.string(),
  periodEndOn: z.string(),
  isOwnPeriod: z.boolean(),
  isShortPeriod: z.boolean(),
  outcome: z.enum(["inserted", "unchanged"]),
  warnings: z.array(z.string()),
});

/** The scoring of what an import stored: a job run to follow. Absent when the scores were stored with the import. */
export const ImportScoringSchema = z
  .object({ jobRunId: z.uuid(), state: JobRunStateSchema })
  .meta({ id: "ImportScoring" });
export type ImportScoringBody = z.infer<typeof ImportScoringSchema>;

export const FileImportReportSchema = z
  .discriminatedUnion("outcome", [
    z.object({
      fileName: z.string(),
      outcome: z.enum(["imported", "unchanged"]),
      company: z.object({ id: z.uuid(), taxCode: z.string(), name: z.string(), isNew: z.boolean() }),
      format: z.string(),
      periods: z.array(ImportedPeriodSchema),
      scoring: ImportScoringSchema.optional(),
    }),
    z.object({ fileName: z.string(), outcome: z.literal("rejected"), reason: z.string() }),
  ])
  .meta({ id: "FileImportReport" });
export type FileImportReportBody = z.infer<typeof FileImportReportSchema>;

export const SpreadsheetImportReportSchema = z
  .discriminatedUnion("outcome", [
    z.object({
      fileName: z.string(),
      outcome: z.enum(["imported", "unchanged"]),
      unknownColumns: z.array(z.string()),
      rows: z.array(
        ImportedPeriodSchema.extend({
          row: z.number().int(),
          company: z.object({ id: z.uuid(), countryCode: z.string(), taxCode: z.string(), name: z.string() }),
          format: z.string(),
        }),
      ),
      scoring: ImportScoringSchema.optional(),
    }),
    z.object({
      fileName: z.string(),
      outcome: z.literal("rejected"),
      reason: z.string(),
      unknownColumns: z.array(z.string()),
      problems: z.array(
        z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() }),
      ),
    }),
  ])
  .meta({ id: "SpreadsheetImportReport" });
export type SpreadsheetImportReportBody = z.infer<typeof SpreadsheetImportReportSchema>;
