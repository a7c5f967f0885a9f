import { z } from "zod";

export const PartnerKindSchema = z
  .enum([
    "regional_agency",
    "chamber_of_commerce",
    "union",
    "employers_association",
    "consultancy",
    "public_body",
    "university",
    "other",
  ])
  .meta({ id: "PartnerKind" });

export const PartnerSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: PartnerKindSchema, countryCode: z.string() })
  .meta({ id: "Partner" });
export type Partner = z.infer<typeof PartnerSchema>;

export const PartnerListSchema = z.object({ items: z.array(PartnerSchema) }).meta({ id: "PartnerList" });

export const CreatePartnerInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    kind: PartnerKindSchema,
    countryCode: z.string().trim().toUpperCase().length(2, { error: "a two-letter country code" }),
  })
  .meta({ id: "CreatePartnerInput" });

export const CompanyPartnerRelationSchema = z.enum(["member", "client", "follows", "other"]).meta({
  id: "CompanyPartnerRelation",
  description: "member of an association, client of a consultancy, followed by an agency…",
});

export const CompanyPartnerLinksSchema = z
  .object({
    links: z.array(z.object({ partnerId: z.uuid(), relation: CompanyPartnerRelationSchema })).max(50),
  })
  .meta({ id: "CompanyPartnerLinks" });

export const CompanyPartnerListSchema = z
  .object({ items: z.array(PartnerSchema.extend({ relation: CompanyPartnerRelationSchema })) })
  .meta({ id: "CompanyPartnerList" });
