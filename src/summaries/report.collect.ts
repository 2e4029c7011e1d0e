// Gathers a report's data through GraphQL: in-process (the CLI on the configured database, the CSV route) or from a
// running hub over HTTP. Either way it is the API's own answer.
import type { Context } from "../context.js";
import type { MetricKind } from "../db/enums.js";
import { detailsQuery, REPORT_QUERY, type ReportData } from "./report.js";

export type Execute = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;

export class ReportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function inProcess(ctx: Context): Execute {
  return async (source, variableValues) => {
    // Loaded on first use: `report --url` (overHttp) never needs graphql-js and the hub's schema (all its modules).
    const [{ graphql }, { hubSchema }] = await Promise.all([import("graphql"), import("../schema.js")]);
    const result = await graphql({ schema: await hubSchema(), source, variableValues, contextValue: ctx });
    return { data: result.data, errors: result.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) };
  };
}

export function overHttp(url: string, key: string | undefined): Execute {
  return async (query, variables) => {
    const endpoint = new URL("/graphql", url).toString();
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).catch((err: Error & { cause?: { code?: string; message?: string } }) => {
      throw new ReportError(`Cannot reach the hub at ${endpoint}: ${err.cause?.code ?? err.cause?.message ?? err.message}.`, "UNREACHABLE");
    });
    const body = (await response.json().catch(() => null)) as Awaited<ReturnType<Execute>> | null;
    if (!body) throw new ReportError(`The hub at ${endpoint} answered HTTP ${response.status} without a GraphQL response.`, "BAD_RESPONSE");
    return body;
  };
}

function check(result: Awaited<ReturnType<Execute>>) {
  if (result.errors?.length) {
    const first = result.errors[0]!;
    throw new ReportError(first.message, String(first.extensions?.code ?? "ERROR"));
  }
  return result.data;
}

/** The report of an edition, or null when the hub has no such edition. */
export async function collectReport(execute: Execute, year: number, includePending: boolean): Promise<ReportData | null> {
  const variables = { year, includePending };
  const main = check(await execute(REPORT_QUERY, variables));
  if (!main?.summary) return null;
  const totals = main.summary.totals as Array<{ kind: MetricKind; societiesOwn: unknown }>;
  const kinds = totals.map((t) => t.kind);
  const ranked = totals.filter((t) => t.societiesOwn).map((t) => t.kind);
  // One request per kind: each stays well within the hub's cost limit (HUB_MAX_COST), whatever the number of kinds.
  const details: Record<string, unknown> = {};
  for (const kind of kinds) {
    const part = check(await execute(detailsQuery([kind], ranked.includes(kind) ? [kind] : []), variables)).summary;
    Object.assign(details, part);
  }
  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(details).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  return { summary: main.summary, channels: pick("channels_"), rankings: pick("top_") };
}

