// Turning mutation inputs into an activity's state (activity.state.ts): trimming, normalising, and the dates of events.
// The inputs' own rules are checked before (activity-write.schema.ts); the one rule here is that an event's dates
// follow from its times, in the merged state of an update too.
import { createHash } from "node:crypto";
import type { Issues } from "../shared/user-errors.js";
import { clean, localDate, normaliseCountryCode } from "../shared/text.js";
import type { ActivityState, EventState, MetricState } from "./activity.state.js";
import type { EventInput, MetricInput, SubmitActivityInput } from "./activity-write.inputs.js";
import { figureFieldsOf } from "../metrics/metric.coverage.js";

export const today = () => new Date().toISOString().slice(0, 10);

function metricState(m: MetricInput): MetricState {
  return {
    kind: m.kind,
    channel: m.channel ?? null,
    value: m.value,
    precision: m.precision ?? "EXACT",
    scope: m.scope ?? "OWN",
    asOf: m.asOf ?? null,
    source: clean(m.source),
    note: clean(m.note),
    ...figureFieldsOf(m),
  };
}

export function eventState(e: EventInput): EventState {
  const countryCode = clean(e.countryCode) === null ? null : normaliseCountryCode(e.countryCode!);
  return {
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone.trim(),
    venue: clean(e.venue),
    city: clean(e.city),
    countryCode,
    online: e.online,
    joinUrl: clean(e.joinUrl),
  };
}

/** An event's startsOn/endsOn are the local dates of its times; given dates must agree with them. */
export function alignEventDates(state: ActivityState, issues: Issues, given: { startsOn?: string | null; endsOn?: string | null }) {
  const event = state.event;
  if (!event) return;
  try {
    const startsOn = localDate(new Date(event.startsAt), event.timeZone);
    const endsOn = localDate(new Date(event.endsAt), event.timeZone);
    for (const [field, derived] of [["startsOn", startsOn], ["endsOn", endsOn]] as const) {
      const value = given[field];
      if (value != null && value !== derived) {
        issues.add("INVALID_FORMAT", `${field} of an event is the local date of its ${field === "startsOn" ? "start" : "end"} in ${event.timeZone} (${derived}); omit it or send ${derived}.`, field);
      }
    }
    state.startsOn = startsOn;
    state.endsOn = endsOn;
  } catch {
    // An invalid time zone is reported by the input's schema.
  }
}

export function metricsFromInput(list: MetricInput[] | null | undefined): MetricState[] {
  return (list ?? []).map(metricState);
}

export function submittedState(input: SubmitActivityInput, issues: Issues): ActivityState {
  const state: ActivityState = {
    kind: input.kind,
    title: input.title.trim(),
    description: clean(input.description),
    url: clean(input.url),
    source: clean(input.source),
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    freeAccessUntil: input.freeAccessUntil ?? null,
    event: input.event ? eventState(input.event) : null,
    metrics: metricsFromInput(input.metrics),
  };
  alignEventDates(state, issues, input);
  return state;
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
