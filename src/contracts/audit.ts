import { z } from "zod";

export const AuditActionSchema = z
  .enum([
    "login.succeeded",
    "login.failed",
    "login.throttled",
    "logout",
    "session.revoked",
    "password.changed",
    "password_reset.requested",
    "password_reset.requested_unknown",
    "password_reset.throttled",
    "password_reset.completed",
    "invitation.sent",
    "invitation.accepted",
    "user.updated",
    "user.locked",
    "user.unlocked",
    "grant.created",
    "grant.revoked",
    "grant.reviewed",
    "territory.created",
    "territory.updated",
    "out_of_scope.opened",
    "confidential.read",
    "export.audit_log",
    "api_token.created",
    "company_inputs.saved",
    "score_feedback.given",
    "export.company_report",
    "export.district_report",
    "export.early_warning_list",
    "follow.added",
    "follow.removed",
    "series.imported",
  ])
  .meta({ id: "AuditAction" });
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    action: AuditActionSchema,
    companyId: z.uuid().nullable(),
    companyName: z.string().nullable(),
    subjectUserId: z.uuid().nullable(),
    subjectEmail: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ipAddress: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEventFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().meta({ description: "Part of the actor's email." }),
  action: AuditActionSchema.optional(),
  companyId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventFilter = z.infer<typeof AuditEventFilterSchema>;

export const AuditEventQuerySchema = AuditEventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: "Keyset cursor: events older than this id." }),
});

export const AuditEventPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() })
  .meta({ id: "AuditEventPage" });
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
