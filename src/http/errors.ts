// The last gate before an error leaves the server: known errors pass with their code (never a stack trace), anything
// else is logged and masked as INTERNAL_SERVER_ERROR, so no SQL or internals reach a client. Log lines carry the
// request id (the logger takes it from the request's scope) and never SQL parameters (the logger's error serialiser).
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { HubError } from "../shared/errors.js";
import type { Logger } from "../logger.js";
import { isDatabaseUnavailable } from "./database-guard.js";
import { tokenLimitError } from "./query-limits.js";

/** Codes Apollo Server itself uses for request errors (parse, validation, variable coercion...). */
export const APOLLO_REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** PostgreSQL's query_canceled: statement_timeout fired, or the hub cancelled the request's statements. */
const CANCELED = "57014";

export interface ErrorOptions {
  maxTokens: number;
  /** false: "Did you mean ...?" hints are cut from every message (validation and variable coercion alike). */
  fieldSuggestions: boolean;
}

function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, "");
}

function known(formatted: GraphQLFormattedError, error: HubError, options: ErrorOptions): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { ...formatted, message: options.fieldSuggestions ? formatted.message : withoutSuggestions(formatted.message), extensions };
}

/** `onUnavailable` hears of every "database unreachable" error (the DatabaseGuard opens on it). */
export function formatError(logger: Logger, options: ErrorOptions, onUnavailable: (err: unknown) => void = () => {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // A limit refused by a validation rule arrives wrapped by Apollo as GRAPHQL_VALIDATION_FAILED: keep its own code.
    const wrapped = (error as { originalError?: unknown }).originalError;
    if (wrapped instanceof HubError) return known(formatted, wrapped, options);
    if (original instanceof HubError) return known(formatted, original, options);
    const code = formatted.extensions?.code;
    if (code === "GRAPHQL_PARSE_FAILED") {
      const tooLarge = tokenLimitError(error, options.maxTokens);
      if (tooLarge) return known({ message: tooLarge.message }, tooLarge, options);
    }
    if (code === "GRAPHQL_VALIDATION_FAILED" && /introspection is not allowed/i.test(formatted.message)) {
      return { ...formatted, message: "Introspection is turned off on this hub (HUB_INTROSPECTION).", extensions: { code } };
    }
    if (typeof code === "string" && APOLLO_REQUEST_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: options.fieldSuggestions ? formatted.message : withoutSuggestions(formatted.message), extensions };
    }
    // Apollo's own request errors without a code (a persisted query whose hash does not match, an unsupported
    // persisted-query version) carry a 4xx status: the client's mistake, not ours.
    const status = error instanceof GraphQLError && !error.originalError ? (error.extensions?.http as { status?: number } | undefined)?.status : undefined;
    if (status && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
    }
    const cause = (original as { cause?: { code?: string } } | undefined)?.cause;
    const driverCode = (original as { code?: string } | undefined)?.code ?? cause?.code;
    if (driverCode === CANCELED) {
      return {
        message: "The request ran out of its time budget and its database work was cancelled; ask for less, or retry later.",
        path: formatted.path,
        extensions: { code: "REQUEST_TIMEOUT" },
      };
    }
    if (isDatabaseUnavailable(original)) {
      logger.error({ err: original, path: formatted.path }, "database unavailable");
      onUnavailable(original);
      return {
        message: "The database is unavailable right now; retry later.",
        path: formatted.path,
        extensions: { code: "SERVICE_UNAVAILABLE" },
      };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error");
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
