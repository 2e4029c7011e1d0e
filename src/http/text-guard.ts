// PostgreSQL text cannot hold the NUL character (U+0000): a string with one would fail deep in the database as an
// internal error. This plugin refuses such input at the edge, in variables and in the query's own literals alike.
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, visit, type DocumentNode } from "graphql";
import { HubError } from "../shared/errors.js";

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes("\u0000")) found = true;
    },
  });
  return found;
}

export function textGuardPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (hasNul(request.variables) || documentHasNul(document)) {
            throw new HubError("BAD_USER_INPUT", "Text may not contain the NUL character (\\u0000): remove it and retry.", {
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
