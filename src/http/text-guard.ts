// Text the database cannot hold faithfully is refused at the edge, in variables and in the query's own literals:
// - the NUL character (U+0000): PostgreSQL text cannot hold it;
// - a lone UTF-16 surrogate ("\ud800" in JSON): not a character at all; it cannot be encoded as UTF-8 and the
//   audit log's JSON would refuse it deep inside a transaction;
// - a body that is not valid UTF-8: decoding would silently replace the bad bytes with U+FFFD.
import type { ApolloServerPlugin } from "@apollo/server";
import { isUtf8 } from "node:buffer";
import type { IncomingMessage } from "node:http";
import { Kind, visit, type DocumentNode } from "graphql";
import { HubError } from "../shared/errors.js";

type Problem = "nul" | "surrogate" | null;

/** With the u flag a surrogate pair is one code point, so this matches only unpaired surrogates. */
const LONE_SURROGATE = /\p{Cs}/u;

function problemIn(text: string): Problem {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "surrogate" : null;
}

function problemInValue(value: unknown, depth = 0): Problem {
  if (typeof value === "string") return problemIn(value);
  if (depth > 64 || value === null || typeof value !== "object") return null;
  const parts = Array.isArray(value) ? value : Object.entries(value).flat();
  for (const part of parts) {
    const found = problemInValue(part, depth + 1);
    if (found) return found;
  }
  return null;
}

function problemInDocument(document: DocumentNode): Problem {
  let found: Problem = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      found ??= problemIn(node.value);
    },
  });
  return found;
}

const MESSAGES: Record<Exclude<Problem, null>, string> = {
  nul: "Text may not contain the NUL character (\\u0000): remove it and retry.",
  surrogate: "Text may not contain a lone UTF-16 surrogate (such as \\ud800 without its pair): send whole characters and retry.",
};

export function textGuardPlugin<T extends object>(): ApolloServerPlugin<T> {
  // A document's literals are checked once: Apollo hands the same parsed document for the same query text.
  const documents = new WeakMap<DocumentNode, Problem>();
  const inDocument = (document: DocumentNode): Problem => {
    let problem = documents.get(document);
    if (problem === undefined) documents.set(document, (problem = problemInDocument(document)));
    return problem;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problem = problemInValue(request.variables) ?? inDocument(document);
          if (problem) throw new HubError("BAD_USER_INPUT", MESSAGES[problem], { http: { status: 400 } });
        },
      };
    },
  };
}

/** express.json's `verify`: a body that is not valid UTF-8 is refused with 400 instead of being decoded lossily. */
export function verifyUtf8(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error("The request body is not valid UTF-8."), { status: 400, type: "charset.invalid" });
  }
}
