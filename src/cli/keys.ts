// npm run hub -- keys issue|list|revoke|generate: API keys on the configured database (`npm run keys -- …` too).
import { randomUUID } from "node:crypto";
import { API_KEY_ROLES, type ApiKeyRole } from "../db/enums.js";
import { generateApiKey } from "../auth/api-key.js";
import type { listApiKeys as ListApiKeys } from "../auth/api-key.service.js";
import type { ApiKeyRow } from "../db/schema.js";
import { CommandError, json, parse, table, UsageError, type Command } from "./cli.js";

const USAGE = `Usage: npm run hub -- keys <command> [options]

Commands:
  issue --role partner --society <slug> --label "<whom it is for>"   a partner key; the secret is shown once
  issue --role staff --label "<whom it is for>"                      a staff key
  list [--all]                                                       active keys (--all: revoked ones too)
  revoke <prefix>                                                    stops a key at once, on every hub process
  generate                                                           a fresh secret for HUB_BOOTSTRAP_STAFF_KEY (stores nothing)

Options:
  --json        print JSON instead of text
  -h, --help    show this help

Works on the configured database (DATABASE_URL, or the embedded one in HUB_DATA_DIR).`;

const minute = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "");

/**
 * The modules that reach the database: loaded only once the arguments are known to be good, so that `--help`, usage
 * errors and `generate` answer without loading zod, drizzle, the services and the database drivers (README, "Command
 * line": how long a command takes).
 */
async function databaseModules() {
  const [config, context, open, service] = await Promise.all([
    import("../config.js"),
    import("../context.js"),
    import("../db/open.js"),
    import("../auth/api-key.service.js"),
  ]);
  return { loadConfig: config.loadConfig, createContext: context.createContext, openConfiguredDatabase: open.openConfiguredDatabase, ...service };
}

async function listAll(listApiKeys: typeof ListApiKeys, ctx: Parameters<typeof ListApiKeys>[0], all: boolean): Promise<ApiKeyRow[]> {
  const rows: ApiKeyRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await listApiKeys(ctx, all, { first: 100, after });
    rows.push(...page.nodes);
    if (!page.hasNextPage) return rows;
    after = page.cursorAt(page.nodes.length - 1);
  }
}

export const keysCommand: Command = {
  usage: USAGE,
  whileHubRuns:
    "While the hub runs, manage keys through it with a staff key: the issueApiKey and revokeApiKey mutations and the apiKeys query (see the README, \"For ESR staff\").",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { role: { type: "string" }, society: { type: "string" }, label: { type: "string" }, all: { type: "boolean" }, json: { type: "boolean" } },
      true,
    );
    const [command, ...rest] = positionals;
    if (values.help) return io.stdout(`${USAGE}\n`);
    if (command === "generate") return io.stdout(values.json ? json({ secret: generateApiKey().secret }) : `${generateApiKey().secret}\n`);
    if (command !== "issue" && command !== "list" && command !== "revoke") {
      throw new UsageError(command === undefined ? "Name a command." : `Unknown command "${command}".`);
    }
    const role = values.role?.toUpperCase() as ApiKeyRole | undefined;
    if (command === "issue") {
      if (!role || !API_KEY_ROLES.includes(role)) throw new UsageError("--role must be partner or staff.");
      if (!values.label) throw new UsageError('--label must say whom the key is for, e.g. --label "DVTA web team".');
    }
    if (command === "revoke" && rest.length !== 1) throw new UsageError("revoke takes one key prefix, e.g. idor_Ab3dEfGh.");

    const { loadConfig, createContext, openConfiguredDatabase, issueApiKey, listApiKeys, revokeApiKey } = await databaseModules();
    const database = await openConfiguredDatabase(loadConfig(io.env), `npm run hub -- keys ${command}`);
    try {
      // The shell acts with staff rights; the audit log records it under the key prefix "shell".
      const ctx = createContext(database.db, { role: "STAFF", keyPrefix: "shell" }, `shell-${randomUUID()}`, { statements: 0 });
      const slugOf = async (societyId: number | null) => (societyId === null ? "" : ((await ctx.loaders.societyById.load(societyId))?.slug ?? "?"));
      if (command === "issue") {
        const { result, userErrors } = await issueApiKey(ctx, { role: role!, societySlug: values.society ?? null, label: values.label! });
        if (!result) throw new CommandError(userErrors.map((e) => e.message).join("\n"));
        const { key, secret } = result;
        io.stdout(
          values.json
            ? json({ prefix: key.prefix, role: key.role, society: (await slugOf(key.societyId)) || null, label: key.label, secret })
            : `Issued ${key.role.toLowerCase()} key ${key.prefix} (${key.label}). The secret, shown only now:\n${secret}\n`,
        );
      } else if (command === "revoke") {
        const { result, userErrors } = await revokeApiKey(ctx, rest[0]!);
        if (!result) throw new CommandError(userErrors.map((e) => e.message).join("\n"));
        io.stdout(values.json ? json({ prefix: result.prefix, revokedAt: result.revokedAt }) : `Revoked ${result.prefix}: it stops working at once.\n`);
      } else {
        const rows = await listAll(listApiKeys, ctx, Boolean(values.all));
        const keys = await Promise.all(
          rows.map(async (r) => ({ prefix: r.prefix, role: r.role.toLowerCase(), society: await slugOf(r.societyId), label: r.label, created: r.createdAt, revoked: r.revokedAt })),
        );
        if (values.json) return io.stdout(json(keys.map((k) => ({ ...k, society: k.society || null }))));
        if (keys.length === 0) return io.stdout(values.all ? "No API keys.\n" : "No active API keys (--all lists revoked ones too).\n");
        const columns = ["prefix", "role", "society", "label", "created", ...(values.all ? ["revoked"] : [])];
        io.stdout(table(keys.map((k) => ({ ...k, created: minute(k.created), revoked: minute(k.revoked) })), columns));
      }
    } finally {
      await database.close();
    }
  },
};
