// The deterministic synthetic data set: the same rows for the same scale on every run and machine. The schema comes
// from the hub's own migrations (its compiled dist/), the rows go in with COPY (one statement per table, so the
// data_revision triggers fire once per table, as for any batch).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";

export const METRIC_KINDS = ["MENTIONS", "IMPRESSIONS", "REACH", "ENGAGEMENTS", "VIEWS", "DOWNLOADS", "REGISTRATIONS",
  "PARTICIPANTS", "LECTURES", "REPORTS_RECEIVED", "NEW_FOLLOWERS"]; // the additive kinds of the hub's enum, in its order
export const CHANNELS = ["TWITTER", "FACEBOOK", "INSTAGRAM", "YOUTUBE", "LINKEDIN", "WEBSITE", "ONLINE_PLATFORM", "EMAIL",
  "PRINT", "IN_PERSON", "OTHER"];
const ACTIVITY_KINDS = ["BOOK", "PUBLIC_LECTURE", "WEBINAR", "OPEN_DAY", "PRESS_RELEASE", "SOCIAL_MEDIA_CAMPAIGN", "VIDEO",
  "POSTER", "QUIZ", "COMMUNITY_OUTREACH"];
const COUNTRIES = ["AT", "BE", "BR", "CA", "DE", "ES", "FR", "GB", "IN", "IT", "JP", "NL", "PL", "PT", "SE", "US", "ZA"];

export const SCALES = {
  default: { societies: 200, editions: 15, activities: 40_000, metrics: 200_000 },
  quick: { societies: 40, editions: 15, activities: 6_000, metrics: 30_000 },
};
export const FIRST_YEAR = 2012;
export const DASHBOARD_YEAR = 2020;
/** The --large edition: one edition of 100,000 activities × 10 figures = 1,000,000 metrics. */
export const LARGE = { year: 2030, activities: 100_000, metricsPerActivity: 10 };

export const slugOf = (i) => `society-${String(i).padStart(4, "0")}`;
const BASE_TIME = Date.UTC(2012, 0, 1);

/** Figures of one activity: distinct (kind, channel), in the hub's order (kind, then all-channels first, then channel). */
function figuresOf(a, n) {
  const out = [];
  const kinds = [a % METRIC_KINDS.length, (a + 4) % METRIC_KINDS.length, (a + 7) % METRIC_KINDS.length];
  let j = 0;
  for (let round = 0; out.length < n; round++) {
    const k = kinds[round % kinds.length];
    const channel = round < kinds.length ? -1 : (a + round * 3) % CHANNELS.length;
    if (!out.some((f) => f.k === k && f.c === channel)) out.push({ k, c: channel, j: j++ });
    if (round > 200) throw new Error("figuresOf: cannot make distinct figures");
  }
  return out.sort((x, y) => x.k - y.k || x.c - y.c);
}

const tsv = (values) => values.map((v) => (v === null ? "\\N" : String(v))).join("\t") + "\n";

function* rowsInChunks(count, make, chunk = 2_000) {
  for (let start = 0; start < count; start += chunk) {
    let text = "";
    for (let i = start; i < Math.min(count, start + chunk); i++) text += make(i);
    yield text;
  }
}

async function copy(sql, table, columns, lines) {
  const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(Readable.from(lines), writable);
}

/**
 * Loads the data set into a database migrated by the hub. Activity i of the regular editions belongs to society
 * (i mod S) + 1 and edition floor(i / S) mod E; one in ten is still SUBMITTED (invisible to the public).
 */
export async function loadDataset(url, scale, { large = false, log = console.log } = {}) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const t0 = Date.now();
  try {
    const perActivity = Math.round(scale.metrics / scale.activities);
    await copy(sql, "societies", ["slug", "acronym", "name", "kind", "profession", "country_code", "website"],
      rowsInChunks(scale.societies, (i) =>
        tsv([slugOf(i + 1), `S${i + 1}`, `Society of Radiology ${i + 1}`, i % 7 === 0 ? "INTERNATIONAL" : "NATIONAL",
          i % 3 === 0 ? "RADIOGRAPHY" : "RADIOLOGY", COUNTRIES[i % COUNTRIES.length], `https://society-${i + 1}.example.org`])));
    const years = Array.from({ length: scale.editions }, (_, e) => FIRST_YEAR + e);
    if (large) years.push(LARGE.year);
    await copy(sql, "editions", ["year", "date", "theme"],
      years.map((y) => tsv([y, `${y}-11-08`, `Theme of IDoR ${y}`])));
    log(`  societies ${scale.societies}, editions ${years.length}`);

    const activity = (i, editionId, year) => {
      const created = new Date(BASE_TIME + i * 61_000).toISOString();
      return tsv([(i % scale.societies) + 1, editionId, `bench-${i}`, ACTIVITY_KINDS[i % ACTIVITY_KINDS.length],
        `Activity ${i}: ${ACTIVITY_KINDS[i % ACTIVITY_KINDS.length].toLowerCase().replace(/_/g, " ")} for IDoR ${year}`,
        `Description of activity ${i}`, `https://example.org/a/${i}`, i % 10 === 7 ? "SUBMITTED" : "APPROVED", created, created]);
    };
    const activityColumns = ["society_id", "edition_id", "idempotency_key", "kind", "title", "description", "url", "status",
      "created_at", "updated_at"];
    const metric = (activityId, a, f) => tsv([activityId, METRIC_KINDS[f.k], f.c < 0 ? null : CHANNELS[f.c],
      ((a + 1) * 7919 + f.j * 104_729) % 1_000_000, a % 5 === 0 ? "AT_LEAST" : "EXACT", a % 13 === 0 ? "CAMPAIGN" : "OWN"]);
    const metricColumns = ["activity_id", "kind", "channel", "value", "precision", "scope"];

    await copy(sql, "activities", activityColumns, progress(log, "activities", scale.activities,
      rowsInChunks(scale.activities, (i) => {
        const e = Math.floor(i / scale.societies) % scale.editions;
        return activity(i, e + 1, FIRST_YEAR + e);
      })));
    await copy(sql, "metrics", metricColumns, progress(log, "metrics", scale.activities * perActivity,
      rowsInChunks(scale.activities, (i) => figuresOf(i, perActivity).map((f) => metric(i + 1, i, f)).join(""), 1_000)));
    if (large) {
      const editionId = years.length;
      const offset = scale.activities;
      await copy(sql, "activities", activityColumns, progress(log, `large edition ${LARGE.year} activities`, LARGE.activities,
        rowsInChunks(LARGE.activities, (i) => activity(offset + i, editionId, LARGE.year))));
      await copy(sql, "metrics", metricColumns, progress(log, `large edition ${LARGE.year} metrics`, LARGE.activities * LARGE.metricsPerActivity,
        rowsInChunks(LARGE.activities, (i) => figuresOf(offset + i, LARGE.metricsPerActivity).map((f) => metric(offset + i + 1, offset + i, f)).join(""), 1_000)));
    }
    const [{ n }] = await sql`select max(id)::int as n from activities`;
    const expected = scale.activities + (large ? LARGE.activities : 0);
    if (n !== expected) throw new Error(`loadDataset needs an empty database (activity ids ${n}, expected ${expected})`);
    log("  analyze");
    await sql`analyze`;
    const [counts] = await sql`select (select count(*)::int from activities) as activities, (select count(*)::int from metrics) as metrics`;
    log(`  loaded ${counts.activities.toLocaleString("en")} activities and ${counts.metrics.toLocaleString("en")} metrics in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { ...counts, years };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Passes the chunks through, printing a progress line about every tenth of the way. */
async function* progress(log, what, total, chunks) {
  let done = 0;
  let next = total / 10;
  for (const chunk of chunks) {
    done += chunk.split("\n").length - 1;
    if (done >= next || done === total) {
      log(`  ${what}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
      next += total / 10;
    }
    yield chunk;
  }
}
