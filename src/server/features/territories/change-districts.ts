import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import {
  findTerritory,
  type TerritoryRecord,
  updateTerritory,
  upsertTerritories,
} from "./territories.repo.ts";

type Deps = { db: Database; clock: () => Date };

/** Adds an industrial district inside a NUTS region (its country follows the region). */
export async function createDistrict(
  deps: Deps,
  actor: Principal,
  input: {
    code: string;
    parentCode: string;
    nameIt: string;
    nameEn: string;
    nameLocal: string;
    centroidLatitude?: number | undefined;
    centroidLongitude?: number | undefined;
  },
  meta: RequestMeta,
): Promise<TerritoryRecord> {
  if (await findTerritory(deps.db, input.code)) {
    throw new AppError("conflict", `A territory with code ${input.code} already exists.`, [
      { path: "body.code", message: "already used" },
    ]);
  }
  const parent = await findTerritory(deps.db, input.parentCode);
  if (!parent || parent.kind === "district") {
    throw new AppError("validation_failed", `Unknown region ${input.parentCode}.`, [
      { path: "body.parentCode", message: "must be a country or NUTS region code" },
    ]);
  }
  const district: TerritoryRecord = {
    code: input.code,
    kind: "district",
    parentCode: parent.code,
    countryCode: parent.countryCode,
    nameIt: input.nameIt,
    nameEn: input.nameEn,
    nameLocal: input.nameLocal,
    centroidLatitude: input.centroidLatitude ?? null,
    centroidLongitude: input.centroidLongitude ?? null,
  };
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await upsertTerritories(tx, [district], now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "territory.created",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      details: { code: district.code, parentCode: district.parentCode },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  return district;
}

export async function updateDistrict(
  deps: Deps,
  actor: Principal,
  code: string,
  changes: Partial<
    Pick<TerritoryRecord, "nameIt" | "nameEn" | "nameLocal" | "centroidLatitude" | "centroidLongitude">
  >,
  meta: RequestMeta,
): Promise<TerritoryRecord> {
  const existing = await findTerritory(deps.db, code);
  if (existing?.kind !== "district") throw new AppError("not_found", "No such district.");
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await updateTerritory(tx, code, changes, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "territory.updated",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      details: { code, changes },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  return { ...existing, ...changes };
}
