import type { AuditEventFilter } from "../../../contracts/audit.ts";
import { formatCsv } from "../../../domain/shared/format-csv.ts";
import type { Database } from "../../db/client.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { auditCsvHeader, toAuditCsvRow } from "./audit.presenter.ts";
import { findAuditEvents, insertAuditEvent } from "./audit.repo.ts";

const pageSize = 1000;

/** The filtered audit log as CSV; the export itself is recorded in the log first. */
export async function exportAuditLog(
  deps: { db: Database; clock: () => Date },
  actor: Principal,
  filter: AuditEventFilter,
  meta: RequestMeta,
): Promise<string> {
  await insertAuditEvent(deps.db, {
    occurredAt: deps.clock(),
    action: "export.audit_log",
    actorUserId: actor.userId,
    actorEmail: actor.email,
    details: { filter },
    ipAddress: meta.ipAddress,
    requestId: meta.requestId,
  });
  const rows: (string | number | null)[][] = [auditCsvHeader];
  let before: number | undefined;
  for (;;) {
    const page = await findAuditEvents(deps.db, filter, { limit: pageSize, before });
    rows.push(...page.map(toAuditCsvRow));
    if (page.length < pageSize) break;
    before = page.at(-1)?.id;
  }
  return formatCsv(rows);
}
