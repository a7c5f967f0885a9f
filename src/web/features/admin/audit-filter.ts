import { type AuditAction, AuditActionSchema } from "../../../contracts/audit.ts";

/** The audit log's filters as typed in the form and kept in the address bar (dates as yyyy-mm-dd). */
export type AuditFilterForm = {
  actor: string;
  action: string;
  companyId: string;
  fromDate: string;
  toDate: string;
};

export const auditActions: readonly AuditAction[] = AuditActionSchema.options;

export function readAuditFilter(parameters: URLSearchParams): AuditFilterForm {
  return {
    actor: parameters.get("actor") ?? "",
    action: parameters.get("action") ?? "",
    companyId: parameters.get("companyId") ?? "",
    fromDate: parameters.get("from") ?? "",
    toDate: parameters.get("to") ?? "",
  };
}

/** Local midnight at the start of the day, as an ISO instant. */
export function startOfDayIso(date: string): string | undefined {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return undefined;
  return new Date(year, month - 1, day, 0, 0, 0, 0).toISOString();
}

/** The last millisecond of the day in local time, so that "to" includes the whole day. */
export function endOfDayIso(date: string): string | undefined {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return undefined;
  return new Date(year, month - 1, day, 23, 59, 59, 999).toISOString();
}

/** The filters as the API takes them (list and CSV export alike). */
export function toAuditQuery(filter: AuditFilterForm) {
  const action = auditActions.find((candidate) => candidate === filter.action);
  return {
    actor: filter.actor.trim() || undefined,
    action,
    companyId: filter.companyId.trim() || undefined,
    from: filter.fromDate ? startOfDayIso(filter.fromDate) : undefined,
    to: filter.toDate ? endOfDayIso(filter.toDate) : undefined,
  };
}
