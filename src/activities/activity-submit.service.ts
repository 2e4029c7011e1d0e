// Submissions of new activities, one or up to 500 at once, all or nothing. Each carries an idempotency key scoped to
// its society: a retried delivery with the same input replays the first result and writes nothing, enforced by the
// database's unique key so that concurrent retries on any replica make exactly one activity.
import { inArray, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { activities, editions, metrics, type ActivityRow } from "../db/schema.js";
import { insertJsonRows } from "../db/rows.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit, type AuditEntry } from "../audit/audit.service.js";
import { checkInput } from "../shared/input-schema.js";
import { Issues, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import { hashOf, submittedState, today } from "./activity.convert.js";
import { rowValues, snapshot, sortMetrics, validateState, type ActivityState, type MetricState } from "./activity.state.js";
import type { SubmitActivityInput } from "./activity-write.inputs.js";
import { SubmitActivitiesSchema, SubmitActivitySchema } from "./activity-write.schema.js";
import { coOrganiserIds, insertCoOrganisers, societyIdsBySlug } from "./activity.co-organisers.js";

/** All figures of the batch in one statement (src/db/rows.ts: one JSON parameter, not one per cell). */
async function insertMetrics(db: Db, rows: Array<MetricState & { activityId: number }>) {
  await insertJsonRows(db, metrics, rows);
}

interface Prepared {
  index: number;
  societyId: number;
  editionId: number;
  key: string;
  state: ActivityState;
  hash: string;
  coOrganisers: number[];
}

export interface Submitted {
  row: ActivityRow;
  replayed: boolean;
}

/** Submits several activities at once, all or nothing. Paths of userErrors start with `path`. */
export async function submitActivities(ctx: Context, inputs: SubmitActivityInput[], path: (i: number) => string[]): Promise<WriteResult<Submitted[]>> {
  const viewer = ctx.viewer;
  assertCan(viewer, "activity:submit");
  const issues = new Issues();
  if (!checkInput(SubmitActivitiesSchema, inputs, issues.at(...path(0).slice(0, -1)))) return { result: null, userErrors: issues.list };
  if (inputs.length === 0) return { result: [], userErrors: [] };

  // Resolve societies and editions for the whole batch in two statements.
  const slugs = [...new Set([...inputs.map((i) => i.societySlug), ...inputs.flatMap((i) => i.coOrganisers ?? [])].filter((s): s is string => s != null))];
  const years = [...new Set(inputs.map((i) => i.year))];
  const societyBySlug = await societyIdsBySlug(ctx.db, slugs);
  const editionRows = await ctx.db.select({ id: editions.id, year: editions.year }).from(editions).where(inArray(editions.year, years));
  const editionByYear = new Map(editionRows.map((e) => [e.year, e.id]));

  const prepared: Prepared[] = [];
  const keys = new Map<string, number>();
  inputs.forEach((input, index) => {
    const at = issues.at(...path(index));
    checkInput(SubmitActivitySchema, input, at);
    let societyId: number | undefined;
    if (input.societySlug == null) {
      if (viewer.role === "PARTNER") societyId = viewer.societyId;
      else at.add("REQUIRED", "societySlug is required for staff submissions: name the society the activity belongs to.", "societySlug");
    } else {
      societyId = societyBySlug.get(input.societySlug);
      if (societyId === undefined) at.add("UNKNOWN_SOCIETY", `There is no society with slug "${input.societySlug.slice(0, 64)}".`, "societySlug");
    }
    if (societyId !== undefined) assertCan(viewer, "activity:submit", { societyId });
    const editionId = editionByYear.get(input.year);
    if (editionId === undefined) at.add("UNKNOWN_EDITION", `There is no IDoR edition ${input.year} in the hub.`, "year");
    const key = input.idempotencyKey;
    if (societyId !== undefined) {
      const seen = keys.get(`${societyId}:${key}`);
      if (seen !== undefined) at.add("DUPLICATE", `Items ${seen} and ${index} use the same idempotencyKey for the same society.`, "idempotencyKey");
      else keys.set(`${societyId}:${key}`, index);
    }
    const state = submittedState(input, at);
    validateState(state, input.year, at, today());
    if (societyId !== undefined && editionId !== undefined) {
      const coOrganisers = coOrganiserIds(input.coOrganisers, societyId, societyBySlug, at);
      // The order of the figures is not part of the input's meaning: a retry may list them differently. Co-organisers
      // join the hash only when named, so that earlier submissions keep their hashes (and replays).
      const hash = hashOf({ societyId, year: input.year, state: { ...state, metrics: sortMetrics(state.metrics) }, ...(coOrganisers.length ? { coOrganisers } : {}) });
      prepared.push({ index, societyId, editionId, key, state, hash, coOrganisers });
    }
  });
  if (!issues.ok) return { result: null, userErrors: issues.list };

  // Keys are claimed in one fixed order (society, key), whatever the input order: two overlapping batches then wait
  // for each other instead of deadlocking.
  const ordered = [...prepared].sort((a, b) => a.societyId - b.societyId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return inTransaction(ctx, async (db) => {
    const inserted = await insertJsonRows(
      db,
      activities,
      ordered.map((p) => ({
        societyId: p.societyId,
        editionId: p.editionId,
        idempotencyKey: p.key,
        requestHash: p.hash,
        status: "SUBMITTED" as const,
        ...rowValues(p.state),
      })),
      { onConflictDoNothing: [activities.societyId, activities.idempotencyKey], returning: true },
    );
    const byKey = new Map(inserted.map((r) => [`${r.societyId}:${r.idempotencyKey}`, r]));
    const missing = prepared.filter((p) => !byKey.has(`${p.societyId}:${p.key}`));
    const replays = new Map<string, ActivityRow>();
    if (missing.length) {
      const existing = await db
        .select()
        .from(activities)
        .where(sql`(${activities.societyId}, ${activities.idempotencyKey}) in (${sql.join(
          missing.map((p) => sql`(${p.societyId}, ${p.key})`),
          sql`, `,
        )})`);
      for (const row of existing) replays.set(`${row.societyId}:${row.idempotencyKey}`, row);
      const reused = missing.filter((p) => replays.get(`${p.societyId}:${p.key}`)?.requestHash !== p.hash);
      if (reused.length) {
        throw new UserErrorsAbort(
          reused.map((p) => ({
            field: [...path(p.index), "idempotencyKey"],
            code: "IDEMPOTENCY_KEY_REUSED" as const,
            message: `idempotencyKey "${p.key.slice(0, 80)}" was already used for a different activity of this society. Use a new key for a new activity; to change the existing one, use updateActivity. Nothing was written.`,
          })),
        );
      }
    }
    await insertMetrics(
      db,
      prepared.flatMap((p) => {
        const row = byKey.get(`${p.societyId}:${p.key}`);
        return row ? p.state.metrics.map((m) => ({ ...m, activityId: row.id })) : [];
      }),
    );
    await insertCoOrganisers(
      db,
      prepared.flatMap((p) => {
        const row = byKey.get(`${p.societyId}:${p.key}`);
        return row ? p.coOrganisers.map((societyId) => ({ activityId: row.id, societyId })) : [];
      }),
    );
    const audit: AuditEntry[] = prepared.flatMap((p) => {
      const row = byKey.get(`${p.societyId}:${p.key}`);
      return row
        ? [{ action: "activity.submit", targetType: "Activity" as const, targetId: row.id, societyId: row.societyId, before: null, after: { ...snapshot(row, p.state, null), ...(p.coOrganisers.length ? { coOrganisers: p.coOrganisers } : {}) } }]
        : [];
    });
    await appendAudit(db, ctx.viewer, ctx.requestId, audit);
    return prepared.map((p) => {
      const key = `${p.societyId}:${p.key}`;
      const row = byKey.get(key);
      return row ? { row, replayed: false } : { row: replays.get(key)!, replayed: true };
    });
  });
}
