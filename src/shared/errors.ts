// The one list of error codes the hub throws as GraphQL errors (expected failures of mutations come back as
// userErrors in payloads instead). Anything thrown that is not a HubError or one of Apollo's own request errors is
// masked as INTERNAL_SERVER_ERROR before it leaves the server.
import { GraphQLError } from "graphql";

export const ERROR_CODES = {
  BAD_USER_INPUT: "An argument is invalid: the message says which and why.",
  NOT_FOUND: "The target does not exist or is not visible to the caller.",
  UNAUTHENTICATED: "The credentials are missing, malformed, unknown or revoked.",
  FORBIDDEN: "The caller may see the target but not perform the action.",
  INTERNAL_SERVER_ERROR: "An unexpected failure; the server log has the details under the request id.",
  SERVICE_UNAVAILABLE: "The database cannot be reached right now (HTTP 503 with Retry-After); retry later.",
  RATE_LIMITED: "Too many requests from this API key or client address (HTTP 429 with Retry-After).",
  OVERLOADED: "The hub has more requests waiting than it can serve in time (HTTP 503 with Retry-After); retry later.",
  RESULT_OUT_OF_RANGE: "A computed total exceeds 2^53-1 and cannot be returned exactly.",
  // Limits on a request (HTTP 400, refused before anything runs). extensions: { limit, max, actual }.
  QUERY_TOO_LARGE: "The document has more tokens than HUB_MAX_TOKENS allows.",
  QUERY_TOO_DEEP: "The operation nests fields deeper than HUB_MAX_DEPTH allows.",
  TOO_MANY_ALIASES: "The operation has more aliases than HUB_MAX_ALIASES allows.",
  TOO_MANY_DIRECTIVES: "The operation has more directives than HUB_MAX_DIRECTIVES allows.",
  QUERY_TOO_COMPLEX:
    "The operation's cost (lists multiplied by their page sizes) exceeds HUB_MAX_COST, or a summary asked for the figures behind its totals rests on more than HUB_SUMMARY_MAX_FIGURES.",
  REQUEST_TIMEOUT: "The request ran out of its time budget (HUB_REQUEST_TIMEOUT_MS); its database work was cancelled.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, argument?: string) =>
  new HubError("BAD_USER_INPUT", message, argument ? { argument } : {});

/** A refusal with an HTTP status and a Retry-After header (seconds, at least 1). */
export function retryLater(code: "RATE_LIMITED" | "OVERLOADED" | "SERVICE_UNAVAILABLE", message: string, retryAfterMs: number): HubError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HubError(code, message, {
    retryAfterSeconds: seconds,
    http: { status: code === "RATE_LIMITED" ? 429 : 503, headers: new Map([["retry-after", String(seconds)]]) },
  });
}
