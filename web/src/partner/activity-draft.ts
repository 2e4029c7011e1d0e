// What the activity form edits (strings, as the inputs hold them) and how it becomes the API's inputs. An existing
// activity's figures remember what they were, so that saving sends only what changed: figures that are gone
// (removeMetrics), and figures that are new or different (recordMetrics, which keeps what the form does not show:
// source, note, date, named channel sets).
import type { ActivityContentFragment, ActivityKind, Channel, EventInput, MetricInput, MetricKind, MetricScope, Precision } from "../gql/graphql";
import type { FieldErrors } from "../portal/fields";
import { browserTimeZone, instantToZoned, isTimeZone, zonedToInstant } from "../lib/zoned";

export interface MetricDraft {
  kind: MetricKind;
  channel: Channel | "";
  value: string;
  precision: Precision;
  scope: MetricScope;
  /** For a figure the activity has: its key and values as read, and the fields the form keeps but does not show. */
  original?: { key: string; value: number; precision: Precision; scope: MetricScope; extra: Partial<MetricInput> };
}

export interface EventDraft {
  /** Wall-clock "YYYY-MM-DDTHH:MM" in timeZone. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  city: string;
  countryCode: string;
  online: boolean;
  joinUrl: string;
}

export interface ActivityDraft {
  year: string;
  kind: ActivityKind;
  title: string;
  description: string;
  url: string;
  startsOn: string;
  endsOn: string;
  source: string;
  isEvent: boolean;
  event: EventDraft;
  metrics: MetricDraft[];
}

export interface Existing {
  id: string;
  version: number;
  draft: ActivityDraft;
}

export const keyOf = (m: { kind: string; channel?: string | null }) => `${m.kind}|${m.channel ?? ""}`;

export const blankEvent = (): EventDraft => ({ startsAt: "", endsAt: "", timeZone: browserTimeZone(), venue: "", city: "", countryCode: "", online: false, joinUrl: "" });
export const blankMetric = (kind: MetricKind = "VIEWS"): MetricDraft => ({ kind, channel: "", value: "", precision: "EXACT", scope: "OWN" });

export const blankDraft = (year: number): ActivityDraft => ({
  year: String(year),
  kind: "WEBINAR",
  title: "",
  description: "",
  url: "",
  startsOn: "",
  endsOn: "",
  source: "",
  isEvent: false,
  event: blankEvent(),
  metrics: [blankMetric("PARTICIPANTS")],
});

type Content = ActivityContentFragment;
type EventView = NonNullable<Content["event"]>;

function eventDraft(e: EventView | null | undefined): EventDraft {
  if (!e) return blankEvent();
  return {
    startsAt: instantToZoned(e.startsAt, e.timeZone),
    endsAt: instantToZoned(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    venue: e.venue ?? "",
    city: e.city ?? "",
    countryCode: e.countryCode ?? "",
    online: e.online,
    joinUrl: e.joinUrl ?? "",
  };
}

/** The form's starting point for an activity: its pending change when it has one (what the partner last proposed). */
export function existingOf(a: Content): Existing {
  const c = a.pendingChange ?? a;
  const published = new Map(a.metrics.map((m) => [keyOf(m), m]));
  return {
    id: a.id,
    version: a.version,
    draft: {
      year: String(a.edition.year),
      kind: c.kind,
      title: c.title,
      description: c.description ?? "",
      url: c.url ?? "",
      startsOn: c.startsOn ?? "",
      endsOn: c.endsOn ?? "",
      source: c.source ?? "",
      isEvent: Boolean(c.event),
      event: eventDraft(c.event),
      metrics: c.metrics.map((m) => {
        const full = published.get(keyOf(m));
        const channels = full?.coverage.channels ?? [];
        const extra: Partial<MetricInput> = {
          asOf: m.asOf ?? null,
          source: m.source ?? null,
          note: m.note ?? null,
          ...(full ? { derived: full.derived, overrideNote: full.overrideNote ?? null } : {}),
          ...(!m.channel && channels.length >= 2 ? { channels } : {}),
        };
        return {
          kind: m.kind,
          channel: m.channel ?? "",
          value: String(m.value),
          precision: m.precision,
          scope: m.scope,
          original: { key: keyOf(m), value: m.value, precision: m.precision, scope: m.scope, extra },
        };
      }),
    },
  };
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** Checks what the browser can check (numbers, one figure per kind and channel, the event's times); the rest is the hub's. */
export function localErrors(d: ActivityDraft): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Map<string, number>();
  d.metrics.forEach((m, i) => {
    if (!/^\d+$/.test(m.value.trim())) errors[`metrics.${i}.value`] = ["Enter a whole number, 0 or more."];
    else if (!Number.isSafeInteger(Number(m.value))) errors[`metrics.${i}.value`] = ["The number is too large."];
    const key = keyOf({ kind: m.kind, channel: m.channel || null });
    if (seen.has(key)) errors[`metrics.${i}.channel`] = [`Figure ${seen.get(key)! + 1} counts the same on the same channel: one figure per kind and channel.`];
    else seen.set(key, i);
  });
  if (d.isEvent) {
    if (!isTimeZone(d.event.timeZone)) errors["event.timeZone"] = ["Enter a time zone such as Europe/Vienna (the IANA name)."];
    else {
      if (!zonedToInstant(d.event.startsAt, d.event.timeZone)) errors["event.startsAt"] = ["Enter the date and time it starts."];
      if (!zonedToInstant(d.event.endsAt, d.event.timeZone)) errors["event.endsAt"] = ["Enter the date and time it ends."];
    }
  }
  return errors;
}

export function eventInput(e: EventDraft): EventInput {
  return {
    startsAt: zonedToInstant(e.startsAt, e.timeZone)!,
    endsAt: zonedToInstant(e.endsAt, e.timeZone)!,
    timeZone: e.timeZone.trim(),
    venue: orNull(e.venue),
    city: orNull(e.city),
    countryCode: orNull(e.countryCode),
    online: e.online,
    joinUrl: orNull(e.joinUrl),
  };
}

export function metricInput(m: MetricDraft): MetricInput {
  const extra = m.original && m.original.key === keyOf({ kind: m.kind, channel: m.channel || null }) ? m.original.extra : {};
  return { ...extra, kind: m.kind, channel: m.channel || null, value: Number(m.value), precision: m.precision, scope: m.scope };
}

/** The activity's own fields, as both submitActivity and updateActivity take them. */
export function contentInput(d: ActivityDraft) {
  return {
    kind: d.kind,
    title: d.title,
    description: orNull(d.description),
    url: orNull(d.url),
    source: orNull(d.source),
    // An event's days are its start and end in its zone: the hub derives them.
    ...(d.isEvent ? { event: eventInput(d.event) } : { event: null, startsOn: orNull(d.startsOn), endsOn: orNull(d.endsOn) }),
  };
}

/** What saving an existing activity's figures sends: the keys that are gone, and the figures that are new or changed
 * (with their index in the form, to put the hub's userErrors next to the right figure). */
export function figureChanges(before: Set<string>, d: ActivityDraft) {
  const now = new Set(d.metrics.map((m) => keyOf({ kind: m.kind, channel: m.channel || null })));
  const removed = [...before].filter((k) => !now.has(k)).map((k) => {
    const [kind, channel] = k.split("|");
    return { kind: kind as MetricKind, channel: (channel || null) as Channel | null };
  });
  const recorded = d.metrics
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => {
      const o = m.original;
      const key = keyOf({ kind: m.kind, channel: m.channel || null });
      return !o || !before.has(key) || o.key !== key || o.value !== Number(m.value) || o.precision !== m.precision || o.scope !== m.scope;
    });
  return { removed, recorded };
}
