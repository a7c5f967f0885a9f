import type { AuditEvent } from "../../../contracts/audit.ts";
import type { AuditEventRow } from "./audit.repo.ts";

export function presentAuditEvent(event: AuditEventRow): AuditEvent {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

export const auditCsvHeader = [
  "id",
  "occurred_at",
  "actor_email",
  "action",
  "company_id",
  "company_name",
  "subject_email",
  "reason",
  "details",
  "ip_address",
  "request_id",
];

export function toAuditCsvRow(event: AuditEventRow): (string | number | null)[] {
  return [
    event.id,
    event.occurredAt.toISOString(),
    event.actorEmail,
    event.action,
    event.companyId,
    event.companyName,
    event.subjectEmail,
    event.reason,
    JSON.stringify(event.details),
    event.ipAddress,
    event.requestId,
  ];
}
