import { z } from "zod";
import { EmailSchema, PasswordSchema, RoleSchema, TerritoryKindSchema } from "./auth.ts";
import { LocaleSchema } from "./system.ts";

export const UserStatusSchema = z.enum(["invited", "active", "locked"]).meta({ id: "UserStatus" });

export const GrantDetailSchema = z
  .object({
    id: z.uuid(),
    role: RoleSchema,
    territory: z
      .object({ code: z.string(), kind: TerritoryKindSchema, nameIt: z.string(), nameEn: z.string() })
      .nullable(),
    companies: z.array(z.object({ id: z.uuid(), name: z.string() })),
    createdAt: z.iso.datetime(),
    lastReviewedAt: z.iso.datetime(),
    isReviewDue: z.boolean(),
  })
  .meta({ id: "GrantDetail" });
export type GrantDetail = z.infer<typeof GrantDetailSchema>;

export const UserSummarySchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    status: UserStatusSchema,
    locale: LocaleSchema,
    lockedReason: z.string().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    grants: z.array(GrantDetailSchema),
  })
  .meta({ id: "UserSummary" });
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().meta({ description: "Part of the email or name." }),
  status: UserStatusSchema.optional(),
  reviewDue: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "Only users with a grant due for review." }),
  after: z
    .string()
    .max(254)
    .optional()
    .meta({ description: "Keyset cursor: the last email of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const UserPageSchema = z
  .object({ items: z.array(UserSummarySchema), nextAfter: z.string().nullable() })
  .meta({ id: "UserPage" });
export type UserPage = z.infer<typeof UserPageSchema>;

export const InviteUserInputSchema = z
  .object({
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(120),
    locale: LocaleSchema.default("it"),
  })
  .meta({ id: "InviteUserInput" });

export const CreateGrantInputSchema = z
  .object({
    role: RoleSchema,
    territoryCode: z.string().trim().min(1).max(40).optional(),
    companyIds: z.array(z.uuid()).max(500).default([]),
  })
  .meta({ id: "CreateGrantInput" });
export type CreateGrantInput = z.infer<typeof CreateGrantInputSchema>;

export const LockUserInputSchema = z
  .object({ reason: z.string().trim().min(5, { error: "say why in at least 5 characters" }).max(500) })
  .meta({ id: "LockUserInput" });

/** For the CLI: an administrator creating an active account with a password directly. */
export const CreateUserInputSchema = z.object({
  email: EmailSchema,
  displayName: z.string().trim().min(1).max(120),
  password: PasswordSchema,
  locale: LocaleSchema.default("it"),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;
