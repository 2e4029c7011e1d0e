// npm run keys -- issue --role partner --society dvta --label "DVTA web team"
// npm run keys -- list [--all]
// npm run keys -- revoke <prefix>
// npm run keys -- generate            (prints a fresh key secret, e.g. for HUB_BOOTSTRAP_STAFF_KEY; stores nothing)
// Works on the configured database; the embedded one must not be held by a running hub (a clear message says so).
import "../metadata.js"; // first: see src/metadata.ts
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import type { ApiKeyRole } from "../db/enums.js";
import { createContext } from "../context.js";
import { openConfiguredDatabase } from "../db/open.js";
import { generateApiKey } from "../auth/api-key.js";
import { issueApiKey, listApiKeys, revokeApiKey } from "../auth/api-key.service.js";
import { runCli } from "./run.js";

const USAGE = `Usage:
  npm run keys -- issue --role partner --society <slug> --label "<whom it is for>"
  npm run keys -- issue --role staff --label "<whom it is for>"
  npm run keys -- list [--all]
  npm run keys -- revoke <prefix>
  npm run keys -- generate`;

class UsageError extends Error {
  override name = "UsageError";
}

await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { role: { type: "string" }, society: { type: "string" }, label: { type: "string" }, all: { type: "boolean" } },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const command = positionals[0];
  if (command === "generate") {
    console.log(generateApiKey().secret);
    return;
  }
  if (command !== "issue" && command !== "list" && command !== "revoke") throw new UsageError(USAGE);
  const role = values.role?.toUpperCase();
  if (command === "issue" && (role !== "PARTNER" && role !== "STAFF" || !values.label)) throw new UsageError(USAGE);
  if (command === "revoke" && !positionals[1]) throw new UsageError(USAGE);

  const config = loadConfig();
  const database = await openConfiguredDatabase(config, `npm run keys -- ${command}`);
  try {
    // The shell acts with staff rights; the audit log records it under the key prefix "shell".
    const ctx = createContext(database.db, { role: "STAFF", keyPrefix: "shell" }, `shell-${randomUUID()}`, { statements: 0 });
    if (command === "issue") {
      const { result, userErrors } = await issueApiKey(ctx, { role: role as ApiKeyRole, societySlug: values.society ?? null, label: values.label! });
      if (!result) throw new Error(userErrors.map((e) => e.message).join("\n"));
      console.log(`Issued ${result.key.role.toLowerCase()} key ${result.key.prefix} (${result.key.label}). The secret, shown only now:\n${result.secret}`);
    } else if (command === "revoke") {
      const { result, userErrors } = await revokeApiKey(ctx, positionals[1]!);
      if (!result) throw new Error(userErrors.map((e) => e.message).join("\n"));
      console.log(`Revoked ${result.prefix}: it stops working at once.`);
    } else {
      const rows = [];
      let after: string | null = null;
      for (;;) {
        const page = await listApiKeys(ctx, Boolean(values.all), { first: 100, after });
        rows.push(...page.nodes);
        if (!page.hasNextPage) break;
        after = page.cursors[page.cursors.length - 1]!;
      }
      const slugs = new Map<number, string>();
      for (const r of rows) if (r.societyId !== null && !slugs.has(r.societyId)) slugs.set(r.societyId, (await ctx.loaders.societyById.load(r.societyId))?.slug ?? "?");
      console.table(
        rows.map((r) => ({
          prefix: r.prefix,
          role: r.role,
          society: r.societyId === null ? "" : slugs.get(r.societyId),
          label: r.label,
          created: r.createdAt.toISOString().slice(0, 16).replace("T", " "),
          revoked: r.revokedAt ? r.revokedAt.toISOString().slice(0, 16).replace("T", " ") : "",
        })),
      );
    }
  } finally {
    await database.close();
  }
});
