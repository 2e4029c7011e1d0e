// The content of an activity as one value (fields, event, metrics): what a submission proposes, what a pending change
// stores, what the audit log records before and after. The rules a state must meet against its edition live here too
// (the inputs' own rules are in activity-write.schema.ts).
import type { ActivityKind, Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";
import type { ActivityRow, MetricRow } from "../db/schema.js";
import type { Issues } from "../shared/user-errors.js";
import { checkFigures } from "../metrics/metric.coverage.js";
import { checkMeasures } from "../metrics/metric.measure.js";
import { isTimeZone, localDate } from "../shared/text.js";

export interface MetricState {
  kind: MetricKind;
  channel: Channel | null;
  value: number;
  precision: Precision;
  scope: MetricScope;
  asOf: string | null;
  source: string | null;
  note: string | null;
  /** Coverage and provenance (issue 9): see src/metrics/metric.coverage.ts. */
  channels: Channel[] | null;
  derived: boolean;
  window: string | null;
  overrideNote: string | null;
}

export interface EventState {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  city: string | null;
  countryCode: string | null;
  online: boolean;
  joinUrl: string | null;
}

export interface ActivityState {
  kind: ActivityKind;
  title: string;
  description: string | null;
  url: string | null;
  source: string | null;
  startsOn: string | null;
  endsOn: string | null;
  freeAccessUntil: string | null;
  event: EventState | null;
  metrics: MetricState[];
}

export const metricKey = (m: { kind: string; channel: string | null }) => `${m.kind}/${m.channel ?? "ALL"}`;

export function stateOf(row: ActivityRow, metrics: MetricRow[]): ActivityState {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    source: row.source,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    freeAccessUntil: row.freeAccessUntil,
    event: eventStateOf(row),
    metrics: sortMetrics(metrics.map(metricStateOf)),
  };
}

/** The event columns of a row as one value (instants as ISO strings); null for activities that are not events. */
export function eventStateOf(row: ActivityRow): EventState | null {
  if (row.eventStartsAt === null || row.eventEndsAt === null || row.eventTimeZone === null) return null;
  return {
    startsAt: row.eventStartsAt.toISOString(),
    endsAt: row.eventEndsAt.toISOString(),
    timeZone: row.eventTimeZone,
    venue: row.eventVenue,
    city: row.eventCity,
    countryCode: row.eventCountryCode,
    online: row.eventOnline ?? false,
    joinUrl: row.eventJoinUrl,
  };
}

export function metricStateOf(m: MetricRow): MetricState {
  return {
    kind: m.kind,
    channel: m.channel,
    value: m.value,
    precision: m.precision,
    scope: m.scope,
    asOf: m.asOf,
    source: m.source,
    note: m.note,
    channels: m.channels,
    derived: m.derived,
    window: m.window,
    overrideNote: m.overrideNote,
  };
}

export function sortMetrics(metrics: MetricState[]): MetricState[] {
  return [...metrics].sort((a, b) => metricKey(a).localeCompare(metricKey(b)));
}

/** Columns of the activities table that hold the state (metrics live in their own table). */
export function rowValues(state: ActivityState) {
  const e = state.event;
  return {
    kind: state.kind,
    title: state.title,
    description: state.description,
    url: state.url,
    source: state.source,
    startsOn: state.startsOn,
    endsOn: state.endsOn,
    freeAccessUntil: state.freeAccessUntil,
    eventStartsAt: e ? new Date(e.startsAt) : null,
    eventEndsAt: e ? new Date(e.endsAt) : null,
    eventTimeZone: e?.timeZone ?? null,
    eventVenue: e?.venue ?? null,
    eventCity: e?.city ?? null,
    eventCountryCode: e?.countryCode ?? null,
    eventOnline: e ? e.online : null,
    eventJoinUrl: e?.joinUrl ?? null,
  };
}

/** An activity as the audit log records it before and after a change. */
export const snapshot = (row: ActivityRow, state: ActivityState, pending: ActivityState | null) => ({
  status: row.status,
  version: row.version,
  state,
  pendingChange: pending,
});

// ---- validation -------------------------------------------------------------------------------------------------

/**
 * The dates an edition accepts: from 1 January of its year to 30 June of the next (campaigns start weeks before
 * 8 November; books and e-books of experience reports appear months after). freeAccessUntil may reach to 31 December
 * two years after the edition. Figures may be dated (asOf) from the window's start to today.
 */
export function editionWindow(year: number) {
  return { from: `${year}-01-01`, to: `${year + 1}-06-30`, freeUntil: `${year + 2}-12-31` };
}

function checkDateInWindow(issues: Issues, value: string | null, from: string, to: string, year: number, field: string) {
  if (value === null) return;
  if (value < from || value > to) {
    issues.add(
      "OUTSIDE_EDITION_WINDOW",
      `${field} ${value} does not fit IDoR ${year}: dates of an edition run from ${from} to ${to}.`,
      field,
    );
  }
}

/**
 * Checks a whole proposed state against its edition (date windows, figures dated up to today, ends after starts, the
 * consistency of figures); problems are added to `issues` (paths relative to the input).
 */
export function validateState(state: ActivityState, year: number, issues: Issues, today: string): void {
  const window = editionWindow(year);
  for (const field of ["startsOn", "endsOn"] as const) checkDateInWindow(issues, state[field], window.from, window.to, year, field);
  checkDateInWindow(issues, state.freeAccessUntil, window.from, window.freeUntil, year, "freeAccessUntil");
  if (state.startsOn && state.endsOn && state.endsOn < state.startsOn) {
    issues.add("END_BEFORE_START", `endsOn ${state.endsOn} is before startsOn ${state.startsOn}.`, "endsOn");
  }

  const event = state.event;
  // An invalid time zone is the input's problem (reported by its schema); without one there are no local dates.
  if (event && isTimeZone(event.timeZone)) {
    const at = issues.at("event");
    checkDateInWindow(at, localDate(new Date(event.startsAt), event.timeZone), window.from, window.to, year, "startsAt");
    checkDateInWindow(at, localDate(new Date(event.endsAt), event.timeZone), window.from, window.to, year, "endsAt");
  }

  state.metrics.forEach((m, i) => {
    if (m.asOf !== null && (m.asOf < window.from || m.asOf > today)) {
      issues.add("OUTSIDE_EDITION_WINDOW", `asOf ${m.asOf} must lie from ${window.from} to today (${today}).`, "metrics", i, "asOf");
    }
  });
  checkFigures(state.metrics, issues);
  checkMeasures(state.metrics, issues);
}
