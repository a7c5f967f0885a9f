import { z } from "zod";
import { roles } from "../domain/access/roles.ts";
import { LocaleSchema } from "./system.ts";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }).max(254));

/** Length is what matters (NIST SP 800-63B); no composition rules. */
export const PasswordSchema = z
  .string()
  .min(12, { error: "must be at least 12 characters" })
  .max(256, { error: "must be at most 256 characters" });

export const LoginInputSchema = z
  .object({ email: EmailSchema, password: z.string().min(1, { error: "is required" }).max(256) })
  .meta({ id: "LoginInput" });

export const PasswordResetRequestSchema = z
  .object({ email: EmailSchema })
  .meta({ id: "PasswordResetRequest" });

export const TokenPasswordInputSchema = z
  .object({
    token: z.string().min(20, { error: "is not a valid link token" }).max(200),
    password: PasswordSchema,
  })
  .meta({ id: "TokenPasswordInput" });

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "is required" }).max(256),
    newPassword: PasswordSchema,
  })
  .meta({ id: "ChangePasswordInput" });

export const UpdateProfileInputSchema = z
  .object({ displayName: z.string().trim().min(1).max(120).optional(), locale: LocaleSchema.optional() })
  .refine((value) => value.displayName !== undefined || value.locale !== undefined, {
    error: "give displayName or locale",
  })
  .meta({ id: "UpdateProfileInput" });

export const RoleSchema = z.enum(roles).meta({ id: "Role" });

export const TerritoryKindSchema = z
  .enum(["country", "nuts1", "nuts2", "nuts3", "district"])
  .meta({ id: "TerritoryKind" });

export const GrantSchema = z
  .object({
    id: z.uuid(),
    role: RoleSchema,
    territory: z.object({ code: z.string(), kind: TerritoryKindSchema }).nullable(),
    companyIds: z.array(z.uuid()),
  })
  .meta({ id: "Grant" });

export const CurrentUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: LocaleSchema,
    grants: z.array(GrantSchema),
    csrfToken: z
      .string()
      .meta({ description: "Send it as the X-CSRF-Token header on every state-changing request." }),
  })
  .meta({ id: "CurrentUser" });
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SessionSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    isCurrent: z.boolean(),
  })
  .meta({ id: "Session" });
export type Session = z.infer<typeof SessionSchema>;

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).meta({ id: "SessionList" });

export const AcceptedSchema = z.object({ message: z.string() }).meta({ id: "Accepted" });
