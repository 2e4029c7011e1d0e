// graphql-codegen: typed documents for the web site, from the committed API contract (schema/schema.graphql) and the
// `graphql(...)` calls in web/src. Run `npm run web:codegen` after changing a query; a test fails while web/src/gql is
// stale. The scalar mapping is how the hub's custom scalars arrive in JSON.
import type { CodegenConfig } from "@graphql-codegen/cli";

export const scalars = {
  /** An instant as an RFC 3339 string in UTC, e.g. "2020-11-08T09:00:00.000Z". */
  DateTime: "string",
  /** A calendar date as "YYYY-MM-DD". */
  LocalDate: "string",
  /** A whole number from -(2^53-1) to 2^53-1: a JavaScript number loses nothing. */
  SafeInt: "number",
  /** Any JSON value (the audit log's before/after). */
  JSON: "unknown",
};

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { scalars, enumsAsTypes: true, useTypeImports: true, skipTypename: false, avoidOptionals: false },
    },
  },
  hooks: {},
};

export default config;
