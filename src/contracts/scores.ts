import { z } from "zod";

export const ModelResultSchema = z
  .object({
    model: z.string(),
    ruleSetVersion: z.string(),
    status: z.enum(["computed", "not_computable"]),
    value: z.number().nullable(),
    zone: z
      .string()
      .nullable()
      .meta({ description: "Zone, band, outcome or alert level; null when not computable." }),
    inputs: z
      .record(z.string(), z.number())
      .meta({ description: "The numbers the model used (amounts in cents)." }),
    details: z
      .record(z.string(), z.unknown())
      .meta({ description: "Missing items, EM rating, index breakdown, alert reasons…" }),
  })
  .meta({ id: "ModelResult" });
export type ModelResultBody = z.infer<typeof ModelResultSchema>;

export const CompanyScoresSchema = z
  .object({
    years: z.array(
      z.object({ periodEndOn: z.iso.date(), statementId: z.uuid(), results: z.array(ModelResultSchema) }),
    ),
  })
  .meta({ id: "CompanyScores" });
export type CompanyScores = z.infer<typeof CompanyScoresSchema>;
