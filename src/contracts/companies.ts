import { z } from "zod";

export const CompanyIdentitySchema = z
  .object({
    id: z.uuid(),
    countryCode: z.string(),
    taxCode: z.string(),
    name: z.string(),
    legalForm: z.string(),
    atecoCode: z.string().nullable(),
    address: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    nuts3Code: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtSource: z.enum(["municipality", "manual"]).nullable(),
    districtNameIt: z.string().nullable(),
    districtNameEn: z.string().nullable(),
    municipalityName: z.string().nullable(),
    sectorTitleIt: z.string().nullable(),
    sectorTitleEn: z.string().nullable(),
    headcount: z.number().int().nullable(),
    sizeClass: z.enum(["micro", "small", "medium", "large", "unknown"]),
    access: z
      .enum(["territorial_scope", "linked", "public_register", "out_of_scope_access"])
      .meta({ description: "Why you may see this company; `public_register` means identity only." }),
  })
  .meta({ id: "CompanyIdentity" });
export type CompanyIdentity = z.infer<typeof CompanyIdentitySchema>;

export const StatementSchema = z
  .object({
    id: z.uuid(),
    periodStartOn: z.iso.date(),
    periodEndOn: z.iso.date(),
    format: z.enum(["ordinary", "abridged", "micro", "consolidated"]),
    currency: z.string(),
    items: z.record(z.string(), z.number()).meta({
      description:
        "Line-item id → amount in minor units (headcount in persons). Missing key: not in the format.",
    }),
    sourceKind: z.string(),
    sourceFileName: z.string().nullable(),
    isCurrent: z.boolean(),
  })
  .meta({ id: "Statement" });
export type Statement = z.infer<typeof StatementSchema>;

export const StatementListSchema = z
  .object({ items: z.array(StatementSchema) })
  .meta({ id: "StatementList" });

export const OutOfScopeAccessInputSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(15, { error: "explain why in a sentence of at least 15 characters" })
      .max(1000),
  })
  .meta({ id: "OutOfScopeAccessInput" });

export const OutOfScopeAccessSchema = z
  .object({
    companyId: z.uuid(),
    reason: z.string(),
    grantedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "OutOfScopeAccess" });
