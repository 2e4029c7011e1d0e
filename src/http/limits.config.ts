// The limits on what one request may cost, with their defaults. Read from the environment in src/config.ts; tests
// pass their own. Each is explained in the README ("Limits on a request").

export interface Limits {
  /** Deepest field nesting of an operation (fragments flattened). */
  maxDepth: number;
  /** Aliased fields in an operation (fragments counted where they are spread). */
  maxAliases: number;
  /** Directives in an operation. */
  maxDirectives: number;
  /** Lexical tokens in the document (checked while parsing, so a huge document is not parsed to the end). */
  maxTokens: number;
  /** The operation's cost: roughly the most objects its answer could hold (see src/http/query-cost.ts). */
  maxCost: number;
  /** How many items the cost counts for a list without `first` (unless the field has a known size). */
  unpagedListSize: number;
  /** Time budget of one request; on PostgreSQL also every statement's statement_timeout. */
  requestTimeoutMs: number;
  /** Summaries and rankings kept in one app's cache (least recently used go first). */
  summaryCacheEntries: number;
  /** New cache entries one request may add; beyond that it computes without caching (it cannot flush the cache). */
  summaryCachePerRequest: number;
  /**
   * Figures a summary may load to list the figures behind its totals or rank societies (its edition's and the earlier
   * editions'); beyond that such a summary is refused (QUERY_TOO_COMPLEX), its totals alone still answer. Without it a
   * 1,000,000-figure edition asked for its figures ran the hub out of its heap (bench/RESULTS.md, "Fifth pass").
   */
  summaryMaxFigures: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 10_000,
  unpagedListSize: 20,
  requestTimeoutMs: 10_000,
  summaryCacheEntries: 500,
  summaryCachePerRequest: 16,
  summaryMaxFigures: 200_000,
};
