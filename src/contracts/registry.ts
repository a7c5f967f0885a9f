import { z } from "zod";

export const SizeClassSchema = z
  .enum(["micro", "small", "medium", "large", "unknown"])
  .meta({ id: "SizeClass" });

export const CompanySortSchema = z.enum(["name", "-name", "headcount", "-headcount"]);

/** An ATECO section letter or a division, group or class code, as a list filter takes it. */
export const AtecoSectorFilterSchema = z
  .string()
  .trim()
  .regex(/^([A-U]|\d{2}(\.\d{1,2}){0,2})$/, {
    error: "an ATECO section letter or code, e.g. C, 13 or 13.20",
  });

/** One page of a list read with a keyset cursor: `nextAfter` is null on the last page. */
export function createKeysetPageSchema<Item extends z.ZodType>(itemSchema: Item) {
  return z.object({
    items: z.array(itemSchema),
    total: z.number().int(),
    nextAfter: z.string().nullable(),
  });
}

export const CompanyListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(120)
    .optional()
    .meta({ description: "Name or tax code; accents and small typos are forgiven." }),
  territory: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "A country, NUTS region or district code." }),
  sector: AtecoSectorFilterSchema.optional(),
  sizeClass: SizeClassSchema.optional(),
  placement: z.enum(["placed", "not_placed"]).optional(),
  sort: CompanySortSchema.default("name"),
  after: z.string().max(500).optional().meta({ description: "Keyset cursor from the previous page." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuerySchema>;

export const CompanyListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    countryCode: z.string(),
    taxCode: z.string(),
    legalForm: z.string(),
    atecoCode: z.string().nullable(),
    sectorTitleIt: z.string().nullable(),
    sectorTitleEn: z.string().nullable(),
    municipalityName: z.string().nullable(),
    nuts3Code: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtNameIt: z.string().nullable(),
    districtNameEn: z.string().nullable(),
    headcount: z.number().int().nullable(),
    sizeClass: SizeClassSchema,
  })
  .meta({ id: "CompanyListItem" });
export type CompanyListItem = z.infer<typeof CompanyListItemSchema>;

export const CompanyPageSchema = createKeysetPageSchema(CompanyListItemSchema).meta({ id: "CompanyPage" });
export type CompanyPage = z.infer<typeof CompanyPageSchema>;

export const CompanyInputSchema = z
  .object({
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .length(2, { error: "a two-letter country code (IT, PT, ES…)" }),
    taxCode: z.string().trim().min(2).max(30),
    name: z.string().trim().min(2).max(300),
    legalForm: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: "A code (srl, spa…) or the written legal form." }),
    atecoCode: z.string().trim().max(12).optional(),
    address: z.string().trim().max(300).optional(),
    municipalityCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: "a six-digit ISTAT municipality code" })
      .optional(),
    nuts3Code: z.string().trim().toUpperCase().max(6).optional(),
    districtCode: z
      .string()
      .trim()
      .max(40)
      .optional()
      .meta({ description: "Chosen by hand when the municipality does not decide it." }),
    headcount: z.number().int().min(0).max(1_000_000).optional(),
  })
  .meta({ id: "CompanyInput" });
export type CompanyInput = z.infer<typeof CompanyInputSchema>;

export const ImportRowReportSchema = z.object({
  row: z.number().int().meta({ description: "Line number in the file (the header is line 1)." }),
  taxCode: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(["create", "update", "unchanged", "error"]),
  messages: z.array(z.string()),
});

export const CompanyImportReportSchema = z
  .object({
    fileName: z.string().nullable(),
    isApplied: z.boolean().meta({ description: "False for a preview, or when the file was rejected." }),
    isRejected: z
      .boolean()
      .meta({ description: "Some row is invalid: nothing was written (all or nothing)." }),
    counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
    ignoredColumns: z
      .array(z.string())
      .meta({ description: "Columns of the file that match no template column." }),
    rows: z.array(ImportRowReportSchema),
  })
  .meta({ id: "CompanyImportReport" });
export type CompanyImportReport = z.infer<typeof CompanyImportReportSchema>;

export const SectorSchema = z
  .object({
    code: z.string(),
    level: z.string(),
    parentCode: z.string().nullable(),
    titleIt: z.string(),
    titleEn: z.string().nullable(),
    cndcecGroup: z.number().int().nullable(),
  })
  .meta({ id: "Sector" });

export const MunicipalitySchema = z
  .object({ istatCode: z.string(), name: z.string(), provinceCode: z.string(), nuts3Code: z.string() })
  .meta({ id: "Municipality" });
