// Limits on the shape of a document, checked before anything runs: depth, aliases and directives with GraphQL Armor's
// validation rules (@escape.tech/graphql-armor-*), tokens with graphql-js's own parser limit. A refusal is a HubError
// with its own code and { limit, max, actual }, answered with HTTP 400.
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from "graphql";
import { HubError, type ErrorCode } from "../shared/errors.js";
import type { Limits } from "./limits.config.js";

export type LimitName = "tokens" | "depth" | "aliases" | "directives" | "cost";

const LIMITS: Record<LimitName, { code: ErrorCode; setting: string; what: string }> = {
  tokens: { code: "QUERY_TOO_LARGE", setting: "HUB_MAX_TOKENS", what: "tokens" },
  depth: { code: "QUERY_TOO_DEEP", setting: "HUB_MAX_DEPTH", what: "levels of nested fields" },
  aliases: { code: "TOO_MANY_ALIASES", setting: "HUB_MAX_ALIASES", what: "aliases" },
  directives: { code: "TOO_MANY_DIRECTIVES", setting: "HUB_MAX_DIRECTIVES", what: "directives" },
  cost: { code: "QUERY_TOO_COMPLEX", setting: "HUB_MAX_COST", what: "cost" },
};

/** The one error every limit answers with: which limit, its value, and the request's figure. */
export function limitError(limit: LimitName, max: number, actual: number | null, detail = ""): HubError {
  const { code, setting, what } = LIMITS[limit];
  const figure = actual === null ? `more than ${max}` : String(actual);
  const message =
    limit === "cost"
      ? `The operation's cost is ${figure}; at most ${max} is allowed (${setting}). Ask for smaller pages (first), fewer nested lists or fewer fields${detail}.`
      : `The operation has ${figure} ${what}; at most ${max} are allowed (${setting}).${detail}`;
  return new HubError(code, message, { limit, max, actual, http: { status: 400 } });
}

/** Armor reports "... limit of N exceeded, found M."; the figure is taken from there. */
function reportTo(limit: LimitName, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message);
    ctx?.reportError(limitError(limit, max, found ? Number(found[1]) : null));
  };
}

export function shapeRules(limits: Pick<Limits, "maxDepth" | "maxAliases" | "maxDirectives">): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true, onReject: [reportTo("depth", limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, allowList: [], onReject: [reportTo("aliases", limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reportTo("directives", limits.maxDirectives)] }),
  ] as ValidationRule[];
}

/**
 * graphql-js stops parsing past `maxTokens` with a syntax error ("Document contains more that N tokens", sic, in
 * graphql 16); this names it as the limit, with the document's real count.
 */
export function tokenLimitError(error: unknown, maxTokens: number): HubError | null {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (!(original instanceof GraphQLError) || !/contains more th\w+ \d+ tokens/.test(original.message)) return null;
  return limitError("tokens", maxTokens, original.source ? countTokens(original.source.body) : null);
}

function countTokens(body: string): number | null {
  try {
    const lexer = new Lexer(new Source(body));
    let n = 0;
    while (lexer.advance().kind !== TokenKind.EOF) n++;
    return n;
  } catch {
    return null;
  }
}
