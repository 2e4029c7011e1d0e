// The audit log: one entry per object a successful mutation changed, written in the mutation's transaction, with the
// request id shared by the entries of one mutation. Staff read all entries, a partner those of its own society.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Context, Viewer } from "../context.js";
import type { Db } from "../db/client.js";
import { insertJsonRows } from "../db/rows.js";
import { auditLog, societies, type AuditRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { pageRequest, keysetPage, type Page, type PageArgs } from "../shared/pagination.js";

export interface AuditEntry {
  action: string;
  targetType: "Activity" | "Society" | "Edition" | "ApiKey";
  targetId: number;
  /** The society the target belongs to, if any. */
  societyId: number | null;
  before: unknown;
  after: unknown;
}

export function actorOf(viewer: Viewer) {
  switch (viewer.role) {
    case "STAFF":
      return { actorRole: "STAFF", actorKeyPrefix: viewer.keyPrefix, actorSocietyId: null };
    case "PARTNER":
      return { actorRole: "PARTNER", actorKeyPrefix: viewer.keyPrefix, actorSocietyId: viewer.societyId };
    case "PUBLIC":
      return { actorRole: "SYSTEM", actorKeyPrefix: null, actorSocietyId: null };
  }
}

export async function appendAudit(db: Db, viewer: Viewer, requestId: string, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = actorOf(viewer);
  // One statement for all entries, the before/after snapshots travelling as JSON (src/db/rows.ts).
  await insertJsonRows(
    db,
    auditLog,
    entries.map((e) => ({
      requestId,
      ...actor,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      societyId: e.societyId,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

const decodeIdKey = (raw: unknown): number | null =>
  Array.isArray(raw) && raw.length === 2 && raw[0] === "l" && Number.isSafeInteger(raw[1]) && (raw[1] as number) > 0
    ? (raw[1] as number)
    : null;

export interface AuditFilter {
  societySlug?: string | null;
  targetId?: { type: string; id: number } | null;
  action?: string | null;
  requestId?: string | null;
}

/** Newest first. */
export async function listAudit(ctx: Context, filter: AuditFilter, args: PageArgs): Promise<Page<AuditRow>> {
  assertCan(ctx.viewer, "audit:read");
  const request = pageRequest(args, decodeIdKey);
  const conditions: (SQL | undefined)[] = [];
  if (ctx.viewer.role === "PARTNER") conditions.push(eq(auditLog.societyId, ctx.viewer.societyId));
  if (filter.societySlug != null) {
    conditions.push(sql`${auditLog.societyId} = (select ${societies.id} from ${societies} where ${societies.slug} = ${filter.societySlug})`);
  }
  if (filter.targetId) conditions.push(and(eq(auditLog.targetType, filter.targetId.type), eq(auditLog.targetId, filter.targetId.id)));
  if (filter.action != null) conditions.push(eq(auditLog.action, filter.action));
  if (filter.requestId != null) conditions.push(eq(auditLog.requestId, filter.requestId));
  const keyset = { columns: [auditLog.id], direction: "desc" as const, values: (id: number) => [sql`${id}`] };
  const query = { from: auditLog, where: and(...conditions), keyset };
  return keysetPage(ctx.db, query, request, (row) => ["l", row.id]);
}
