import { z } from "zod";
import { TerritoryKindSchema } from "./auth.ts";

export const TerritorySchema = z
  .object({
    code: z.string(),
    kind: TerritoryKindSchema,
    parentCode: z.string().nullable(),
    countryCode: z.string(),
    nameIt: z.string(),
    nameEn: z.string(),
    nameLocal: z.string(),
    centroidLatitude: z.number().nullable(),
    centroidLongitude: z.number().nullable(),
  })
  .meta({ id: "Territory" });
export type Territory = z.infer<typeof TerritorySchema>;

export const TerritoryListQuerySchema = z.object({
  kind: TerritoryKindSchema.optional(),
  countryCode: z.string().trim().length(2).toUpperCase().optional(),
  parentCode: z.string().trim().max(40).optional(),
  q: z.string().trim().max(100).optional().meta({ description: "Part of the code or of a name." }),
});

export const TerritoryListSchema = z
  .object({ items: z.array(TerritorySchema) })
  .meta({ id: "TerritoryList" });

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const CreateDistrictInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
        error: "use lower-case letters, digits and hyphens (e.g. como-seta)",
      })
      .min(3)
      .max(40),
    parentCode: z
      .string()
      .trim()
      .min(2)
      .max(10)
      .meta({ description: "The NUTS region (usually NUTS 3) the district lies in." }),
    nameIt: z.string().trim().min(2).max(200),
    nameEn: z.string().trim().min(2).max(200),
    nameLocal: z.string().trim().min(2).max(200),
    centroidLatitude: latitude.optional(),
    centroidLongitude: longitude.optional(),
  })
  .meta({ id: "CreateDistrictInput" });

export const UpdateDistrictInputSchema = z
  .object({
    nameIt: z.string().trim().min(2).max(200).optional(),
    nameEn: z.string().trim().min(2).max(200).optional(),
    nameLocal: z.string().trim().min(2).max(200).optional(),
    centroidLatitude: latitude.nullable().optional(),
    centroidLongitude: longitude.nullable().optional(),
  })
  .meta({ id: "UpdateDistrictInput" });
