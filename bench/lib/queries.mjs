// The operations each scenario sends, for the hub and for PostGraphile, and how their answers are compared.

export const hub = {
  dashboard: `query Dashboard($year: Int!) {
  societies(first: 20) { edges { node { slug acronym name
    activities(year: $year, first: 10) { edges { node { title kind
      metrics { kind channel value precision scope } } } } } } } }`,
  society: `query Society($slug: String!) { society(slug: $slug) { slug acronym name kind countryCode website } }`,
  summary: `query Summary($year: Int!) { summary(year: $year) {
  participatingSocieties countries activityCount
  totals { kind value precision campaignWide { value precision } societiesOwn { value precision } } } }`,
  typename: `{ __typename }`,
  societyId: `query($slug: String!) { society(slug: $slug) { id } }`,
  submitActivities: `mutation Submit($input: SubmitActivitiesInput!) {
  submitActivities(input: $input) { activities { id } userErrors { field code message } } }`,
  updateSociety: `mutation Rename($input: UpdateSocietyInput!) { updateSociety(input: $input) { userErrors { code message } } }`,
  issueKey: `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret userErrors { code message } } }`,
};

/** PostGraphile 5 (Amber preset names): the same rows in the same order. */
export const pgl = {
  dashboard: `query Dashboard($editionId: Int!) {
  allSocieties(first: 20, orderBy: SLUG_ASC) { nodes { slug acronym name
    activitiesBySocietyId(first: 10, condition: { editionId: $editionId, status: APPROVED }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
      nodes { title kind metricsByActivityId(orderBy: PRIMARY_KEY_ASC) { nodes { kind channel value precision scope } } } } } } }`,
  // societies_slug_key is a unique index, not a unique constraint, so PostGraphile makes no societyBySlug: a
  // condition on the list is how a client asks for it.
  society: `query Society($slug: String!) { allSocieties(condition: { slug: $slug }, first: 1) { nodes { slug acronym name kind countryCode website } } }`,
  // The nearest PostGraphile + pg-aggregates can answer: counts of the edition's approved activities and distinct
  // societies, and sums per kind over ALL metrics (it cannot restrict metrics to one edition without a filter plugin,
  // nor apply the hub's double-counting rules).
  summary: `query Summary($year: Int!) {
  allEditions(condition: { year: $year }) { nodes { activitiesByEditionId(condition: { status: APPROVED }) {
    totalCount aggregates { distinctCount { societyId } } } } }
  allMetrics { groupedAggregates(groupBy: [KIND]) { keys sum { value } } } }`,
  typename: `{ __typename }`,
  societyNodeId: `query($slug: String!) { allSocieties(condition: { slug: $slug }) { nodes { id } } }`,
  updateSociety: `mutation Rename($input: UpdateSocietyInput!) { updateSociety(input: $input) { clientMutationId } }`,
};

/** Both answers of the dashboard as plain data, to check that the servers return the same rows in the same order. */
export function normaliseDashboard(json, flavour) {
  if (json.errors) throw new Error(`${flavour} dashboard answered errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
  const societies = flavour === "hub" ? json.data.societies.edges.map((e) => e.node) : json.data.allSocieties.nodes;
  return societies.map((s) => ({
    slug: s.slug,
    acronym: s.acronym,
    name: s.name,
    activities: (flavour === "hub" ? s.activities.edges.map((e) => e.node) : s.activitiesBySocietyId.nodes).map((a) => ({
      title: a.title,
      kind: a.kind,
      metrics: (flavour === "hub" ? a.metrics : a.metricsByActivityId.nodes).map((m) => ({
        kind: m.kind,
        channel: m.channel,
        value: Number(m.value),
        precision: m.precision,
        scope: m.scope,
      })),
    })),
  }));
}

export const body = (query, variables = {}) => JSON.stringify({ query, variables });

/** The dashboard by one hand-written statement (the raw-SQL floor), the JSON built by PostgreSQL. */
export const floorDashboardSql = `
select coalesce(json_agg(json_build_object('slug', s.slug, 'acronym', s.acronym, 'name', s.name, 'activities', (
  select coalesce(json_agg(json_build_object('title', a.title, 'kind', a.kind, 'metrics', (
    select coalesce(json_agg(json_build_object('kind', m.kind, 'channel', m.channel, 'value', m.value,
      'precision', m.precision, 'scope', m.scope) order by m.kind, m.channel nulls first), '[]')
    from metrics m where m.activity_id = a.id)) order by a.created_at desc, a.id desc), '[]')
  from (select * from activities a where a.society_id = s.id and a.status = 'APPROVED'
        and a.edition_id = (select id from editions where year = $1) order by a.created_at desc, a.id desc limit 10) a))
  order by s.slug), '[]')::text as json
from (select * from societies order by slug limit 20) s`;

/**
 * The ingest scenario's request bodies: batches of 100 new activities × 5 metrics (500 metric rows), each activity with
 * an idempotency key unique to the run (`tag`) and the batch, so that no batch replays an earlier one.
 */
export function ingestBatches(tag) {
  let batch = 0;
  return () => {
    const b = batch++;
    const activities = Array.from({ length: 100 }, (_, i) => ({
      idempotencyKey: `ingest-${tag}-${b}-${i}`,
      year: 2024,
      kind: "WEBINAR",
      title: `Ingested webinar ${b}-${i}`,
      metrics: [
        { kind: "VIEWS", value: 1000 + i },
        { kind: "VIEWS", channel: "YOUTUBE", value: 600 + i },
        { kind: "VIEWS", channel: "FACEBOOK", value: 300 + i },
        { kind: "REGISTRATIONS", value: 50 + i },
        { kind: "PARTICIPANTS", value: 40 + i, precision: "AT_LEAST" },
      ],
    }));
    return body(hub.submitActivities, { input: { activities } });
  };
}
