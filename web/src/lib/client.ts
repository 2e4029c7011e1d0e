// The site's GraphQL client: urql with graphcache, a normalized cache keyed by each object's `id`. Types without an
// `id` get their key here: ApiKey by its prefix, AuditEntry by its sequence; value-like types (figures, totals,
// shares, payloads, events, pending changes) have no identity of their own and are stored inside their parent.
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange, type Cache, type KeyingConfig } from "@urql/exchange-graphcache";
import { authorizationHeader, readApiKey } from "./api-key";

const embedded = () => null;

export const keys: KeyingConfig = {
  ApiKey: (k) => (k.prefix as string) ?? null,
  AuditEntry: (e) => (e.sequence != null ? String(e.sequence) : null),
  EditionSummary: embedded,
  MetricTotal: embedded,
  ChannelTotal: embedded,
  SocietyShare: embedded,
  CountryShare: embedded,
  KindCount: embedded,
  MetricChange: embedded,
  Figure: embedded,
  ActivityEvent: embedded,
  ActivityChange: embedded,
  ProposedMetric: embedded,
  Coverage: embedded,
  Viewer: embedded,
  PageInfo: embedded,
  UserError: embedded,
  ActivityConnection: embedded,
  ActivityEdge: embedded,
  SocietyConnection: embedded,
  SocietyEdge: embedded,
  ApiKeyConnection: embedded,
  ApiKeyEdge: embedded,
  AuditEntryConnection: embedded,
  AuditEntryEdge: embedded,
  ActivityPayload: embedded,
  SubmitActivityPayload: embedded,
  SubmitActivitiesPayload: embedded,
  IssueApiKeyPayload: embedded,
  RevokeApiKeyPayload: embedded,
};

/** Lists and summaries change when activities are written or reviewed: drop them so the next read asks the hub. */
function invalidateLists(cache: Cache) {
  for (const field of cache.inspectFields("Query")) {
    if (["activities", "summary", "events", "auditLog", "editions", "edition", "society"].includes(field.fieldName)) {
      cache.invalidate("Query", field.fieldName, field.arguments ?? undefined);
    }
  }
}

export function makeClient(): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    // The key is read per request: signing in or out takes effect at once, without a new client.
    fetchOptions: () => ({ headers: authorizationHeader(readApiKey()) }),
    exchanges: [
      cacheExchange({
        keys,
        updates: {
          Mutation: {
            submitActivity: (_r, _a, cache) => invalidateLists(cache),
            submitActivities: (_r, _a, cache) => invalidateLists(cache),
            updateActivity: (_r, _a, cache) => invalidateLists(cache),
            withdrawActivity: (_r, _a, cache) => invalidateLists(cache),
            reviewActivity: (_r, _a, cache) => invalidateLists(cache),
            recordMetrics: (_r, _a, cache) => invalidateLists(cache),
            removeMetrics: (_r, _a, cache) => invalidateLists(cache),
            issueApiKey: (_r, _a, cache) => cache.invalidate("Query", "apiKeys"),
          },
        },
      }),
      fetchExchange,
    ],
  });
}
