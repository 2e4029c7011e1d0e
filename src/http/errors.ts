// The last gate before an error leaves the server: known errors pass with their code (never a stack trace), anything
// else is logged and masked as INTERNAL_SERVER_ERROR, so no SQL or internals reach a client. Log lines carry the
// request id (the logger takes it from the request's scope) and never SQL parameters (the logger's error serialiser).
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { HubError } from "../shared/errors.js";
import type { Logger } from "../logger.js";
import { isDatabaseUnavailable } from "./database-guard.js";

/** Codes Apollo Server itself uses for request errors (parse, validation, variable coercion...). */
const APOLLO_REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** `onUnavailable` hears of every "database unreachable" error (the DatabaseGuard opens on it). */
export function formatError(logger: Logger, onUnavailable: (err: unknown) => void = () => {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof HubError || (typeof code === "string" && APOLLO_REQUEST_CODES.has(code))) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
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
