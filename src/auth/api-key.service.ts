// API keys: issue (the secret is returned once), revoke, list, and the first staff key at start-up.
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Database } from "../db/client.js";
import type { ApiKeyRole } from "../db/enums.js";
import { apiKeys, societies, type ApiKeyRow } from "../db/schema.js";
import { appendAudit } from "../audit/audit.service.js";
import { decodeTimeIdKey, pageRequest, timeIdKey, timeIdValues, keysetPage, type Page, type PageArgs } from "../shared/pagination.js";
import { Issues, UserErrorsAbort, type UserErrorCode } from "../shared/user-errors.js";
import { inTransaction, type WriteResult } from "../shared/write.js";
import { checkInput } from "../shared/input-schema.js";
import { assertCan } from "./permissions.js";
import { generateApiKey, hashApiKey, prefixOf } from "./api-key.js";
import { IssueApiKeySchema } from "./api-key.schema.js";

export interface IssueKeyArgs {
  role: ApiKeyRole;
  societySlug?: string | null;
  label: string;
}

const publicView = (row: ApiKeyRow) => ({
  prefix: row.prefix,
  role: row.role,
  societyId: row.societyId,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function issueApiKey(ctx: Context, args: IssueKeyArgs): Promise<WriteResult<{ key: ApiKeyRow; secret: string }>> {
  assertCan(ctx.viewer, "apiKey:issue");
  const issues = new Issues([], ["input"]);
  checkInput(IssueApiKeySchema, args, issues);
  const label = args.label.trim();
  let societyId: number | null = null;
  if (args.role === "PARTNER" && args.societySlug != null) {
    const [society] = await ctx.db.select({ id: societies.id }).from(societies).where(eq(societies.slug, args.societySlug));
    if (!society) issues.add("UNKNOWN_SOCIETY", `There is no society with slug "${args.societySlug.slice(0, 64)}".`, "societySlug");
    else societyId = society.id;
  }
  if (!issues.ok) return { result: null, userErrors: issues.list };
  const fresh = generateApiKey();
  return inTransaction(ctx, async (db) => {
    const [row] = await db
      .insert(apiKeys)
      .values({ prefix: fresh.prefix, secretHash: fresh.secretHash, role: args.role, societyId, label })
      .returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      { action: "apiKey.issue", targetType: "ApiKey", targetId: row!.id, societyId, before: null, after: publicView(row!) },
    ]);
    return { key: row!, secret: fresh.secret };
  });
}

export async function revokeApiKey(ctx: Context, prefix: string): Promise<WriteResult<ApiKeyRow>> {
  assertCan(ctx.viewer, "apiKey:revoke");
  return inTransaction(ctx, async (db) => {
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix)).for("update");
    const refuse = (code: UserErrorCode, message: string) => UserErrorsAbort.at(["input", "prefix"], code, message);
    if (!row) throw refuse("NOT_FOUND", `No API key has the prefix "${prefix.slice(0, 40)}".`);
    if (row.revokedAt) throw refuse("INVALID_STATE", `The key ${prefix} was revoked already.`);
    const [updated] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, row.id)).returning();
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      { action: "apiKey.revoke", targetType: "ApiKey", targetId: row.id, societyId: row.societyId, before: publicView(row), after: publicView(updated!) },
    ]);
    return updated!;
  });
}

const decodeKey = decodeTimeIdKey("k");

export async function listApiKeys(ctx: Context, includeRevoked: boolean, args: PageArgs): Promise<Page<ApiKeyRow>> {
  assertCan(ctx.viewer, "apiKey:list");
  const request = pageRequest(args, decodeKey);
  const where: SQL | undefined = includeRevoked ? undefined : isNull(apiKeys.revokedAt);
  const keyset = { columns: [apiKeys.createdAt, apiKeys.id], direction: "desc" as const, values: timeIdValues };
  const query = { from: apiKeys, where, keyset };
  return keysetPage(ctx.db, query, request, (r) => timeIdKey("k", r.createdAt, r.id));
}

/** Any fixed number shared by all hub processes: "first staff key". */
const STAFF_KEY_LOCK = 7_311_402_218_002;

/**
 * Makes sure staff can get in. With a bootstrap secret: a staff key with that secret exists. Without: when no active
 * staff key exists, exactly one is created (replicas starting together serialise on an advisory lock) and its secret
 * returned so the caller can print it once.
 */
export async function ensureStaffKey(database: Database, bootstrapSecret: string | undefined): Promise<{ created: string | null; revokedBootstrap: boolean }> {
  return database.db.transaction(async (tx) => {
    if (database.engine === "postgres") await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_KEY_LOCK})`);
    if (bootstrapSecret) {
      const prefix = prefixOf(bootstrapSecret)!;
      const inserted = await tx
        .insert(apiKeys)
        .values({ prefix, secretHash: hashApiKey(bootstrapSecret), role: "STAFF", label: "bootstrap staff key (HUB_BOOTSTRAP_STAFF_KEY)" })
        .onConflictDoNothing()
        .returning({ id: apiKeys.id });
      if (inserted.length === 0) {
        const [existing] = await tx.select().from(apiKeys).where(eq(apiKeys.secretHash, hashApiKey(bootstrapSecret)));
        return { created: null, revokedBootstrap: Boolean(existing?.revokedAt) };
      }
      return { created: null, revokedBootstrap: false };
    }
    const [active] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.role, "STAFF"), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (active) return { created: null, revokedBootstrap: false };
    const fresh = generateApiKey();
    await tx.insert(apiKeys).values({ prefix: fresh.prefix, secretHash: fresh.secretHash, role: "STAFF", label: "first staff key (created at start-up)" });
    return { created: fresh.secret, revokedBootstrap: false };
  });
}

/** Writes the first staff key beside the embedded database, readable by its owner only. */
export function writeStaffKeyFile(dataDir: string, secret: string): string {
  const file = path.join(dataDir, "staff-key");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

