// The CSV upload: one activity per row, figures as column groups metric1_*, metric2_*, ... Parsing is papaparse's
// (quotes, embedded commas and newlines, BOM); this file turns rows into SubmitActivityInput and says what is wrong
// with a row before anything is sent. Each row's idempotency key comes from its `ref` column, or from its content,
// so uploading the same file again (after a lost answer, or twice by mistake) never duplicates an activity.
import Papa from "papaparse";
import type { ActivityKind, Channel, EventInput, MetricInput, MetricKind, MetricScope, Precision, SubmitActivityInput } from "../gql/graphql";
import { ACTIVITY_KINDS, CHANNELS, METRIC_KINDS, PRECISIONS, SCOPES } from "../portal/enums";
import { isTimeZone, zonedToInstant } from "../lib/zoned";

export const TEMPLATE_COLUMNS = [
  "ref", "year", "kind", "title", "description", "url", "startsOn", "endsOn", "source",
  "metric1_kind", "metric1_channel", "metric1_value", "metric1_precision", "metric1_scope",
  "metric2_kind", "metric2_channel", "metric2_value", "metric2_precision", "metric2_scope",
  "event_startsAt", "event_endsAt", "event_timeZone", "event_venue", "event_city", "event_countryCode", "event_online", "event_joinUrl",
];

/** The event columns: all empty for an activity that is not an event. */
export const EVENT_COLUMNS = ["startsAt", "endsAt", "timeZone", "venue", "city", "countryCode", "online", "joinUrl"] as const;

export const TEMPLATE =
  TEMPLATE_COLUMNS.join(",") +
  "\r\n" +
  'dvta-2025-1,2025,WEBINAR,"Radiographers and you","An evening webinar",https://example.org/webinar,2025-11-08,2025-11-08,Our newsletter,REGISTRATIONS,,350,EXACT,OWN,VIEWS,YOUTUBE,1200,AT_LEAST,OWN,,,,,,,,\r\n' +
  'dvta-2025-2,2025,PUBLIC_LECTURE,"Open evening: what an MRI scan feels like",,https://example.org/open-evening,,,,PARTICIPANTS,IN_PERSON,120,ESTIMATE,OWN,,,,,,2025-11-08T18:00,2025-11-08T20:30,Europe/Berlin,"Klinikum, Hörsaal 1",Berlin,DE,yes,https://example.org/live\r\n';

export interface ParsedRow {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  title: string;
  input?: SubmitActivityInput;
  errors: string[];
}

function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A stable key for a row: its ref, or a 106-bit hash of its content (not secret; only needs to be unique). */
export function rowKey(row: Record<string, string>): string {
  if (row.ref?.trim()) return `csv-${row.ref.trim()}`.slice(0, 255);
  const content = JSON.stringify(Object.entries(row).filter(([k]) => k !== "ref").sort());
  return `csv-${hash53(content, 1)}${hash53(content, 2)}`;
}

const oneOf = <T extends string>(values: readonly T[], raw: string, what: string, errors: string[]): T | undefined => {
  const v = raw.trim().toUpperCase();
  if ((values as readonly string[]).includes(v)) return v as T;
  errors.push(`${what} “${raw.trim()}” is not one of ${values.join(", ")}.`);
  return undefined;
};
const text = (s: string | undefined) => (s && s.trim() !== "" ? s.trim() : null);

const YES = ["yes", "true", "1", "y"];
const NO = ["no", "false", "0", "n", ""];

/** A start or end: an instant with its offset ("2025-11-08T18:00:00+01:00", "…Z"), or the wall clock in the row's zone. */
function instant(raw: string, zone: string): string | null {
  const v = raw.trim().replace(" ", "T");
  if (/[zZ]$|[+-]\d{2}:\d{2}$/.test(v)) return Number.isNaN(Date.parse(v)) ? null : v;
  return zonedToInstant(v, zone);
}

/** The event_* columns as an EventInput; null when they are all empty (not an event). */
function eventOf(row: Record<string, string>, errors: string[]): EventInput | null {
  const get = (f: string) => row[`event_${f}`]?.trim() ?? "";
  if (EVENT_COLUMNS.every((f) => get(f) === "")) return null;
  const zone = get("timeZone");
  if (!isTimeZone(zone)) errors.push(`event_timeZone “${zone}” is not a time zone such as Europe/Vienna.`);
  const startsAt = instant(get("startsAt"), zone);
  const endsAt = instant(get("endsAt"), zone);
  if (isTimeZone(zone) && !startsAt) errors.push(`event_startsAt “${get("startsAt")}” is not a date and time such as 2025-11-08T18:00.`);
  if (isTimeZone(zone) && !endsAt) errors.push(`event_endsAt “${get("endsAt")}” is not a date and time such as 2025-11-08T20:00.`);
  const online = get("online").toLowerCase();
  if (!YES.includes(online) && !NO.includes(online)) errors.push(`event_online “${get("online")}” is not yes or no.`);
  return {
    startsAt: startsAt ?? "",
    endsAt: endsAt ?? "",
    timeZone: zone,
    venue: text(get("venue")),
    city: text(get("city")),
    countryCode: text(get("countryCode")),
    online: YES.includes(online),
    joinUrl: text(get("joinUrl")),
  };
}

export function parseCsv(content: string): { rows: ParsedRow[]; problem?: string } {
  const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  const missing = ["year", "kind", "title"].filter((f) => !fields.includes(f));
  if (missing.length) return { rows: [], problem: `The file has no ${missing.join(", ")} column. Start from the template.` };
  const metricGroups = [...new Set(fields.map((f) => /^metric(\d+)_/.exec(f)?.[1]).filter(Boolean))] as string[];
  const seen = new Map<string, number>();
  const rows = parsed.data.map((row, i): ParsedRow => {
    const line = i + 2;
    const errors: string[] = [];
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year?.trim() ?? "")) errors.push(`year “${row.year ?? ""}” is not a year such as 2025.`);
    const kind = oneOf<ActivityKind>(ACTIVITY_KINDS, row.kind ?? "", "kind", errors);
    const metrics: MetricInput[] = [];
    for (const n of metricGroups) {
      const get = (f: string) => row[`metric${n}_${f}`]?.trim() ?? "";
      if (!get("kind") && !get("value")) continue;
      const mKind = oneOf<MetricKind>(METRIC_KINDS, get("kind"), `metric${n}_kind`, errors);
      const channel = get("channel") ? oneOf<Channel>(CHANNELS, get("channel"), `metric${n}_channel`, errors) : null;
      const precision = get("precision") ? oneOf<Precision>(PRECISIONS, get("precision"), `metric${n}_precision`, errors) : "EXACT";
      const scope = get("scope") ? oneOf<MetricScope>(SCOPES, get("scope"), `metric${n}_scope`, errors) : "OWN";
      const raw = get("value").replace(/[\s,_]/g, "");
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) errors.push(`metric${n}_value “${get("value")}” is not a whole number from 0 up.`);
      if (mKind && precision && scope && channel !== undefined) metrics.push({ kind: mKind, channel, value, precision, scope });
    }
    const event = eventOf(row, errors);
    const idempotencyKey = rowKey(row);
    if (seen.has(idempotencyKey)) errors.push(`the same ref or content as line ${seen.get(idempotencyKey)}.`);
    else seen.set(idempotencyKey, line);
    const title = row.title ?? "";
    if (errors.length || !kind) return { line, title, errors };
    return {
      line,
      title,
      errors,
      input: {
        idempotencyKey,
        year,
        kind,
        title: row.title ?? "",
        description: text(row.description),
        url: text(row.url),
        startsOn: text(row.startsOn),
        endsOn: text(row.endsOn),
        source: text(row.source),
        event,
        metrics,
      },
    };
  });
  return { rows };
}

/** Field names of a batch item's userError ("title", "metrics.0.value") as the CSV's column names. */
export function columnOf(field: readonly string[]): string {
  const [name, index, sub] = field.slice(3);
  if (name === "metrics" && index !== undefined) return `metric${Number(index) + 1}_${sub ?? "kind"}`;
  if (name === "event") return index === undefined ? "event" : `event_${index}`;
  return name ?? "row";
}
