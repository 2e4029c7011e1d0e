// Turning mutation inputs into an activity's state (activity.state.ts): trimming, normalising, and the dates of events.
import { createHash } from "node:crypto";
import { LIMITS } from "../shared/limits.js";
import type { Issues } from "../shared/user-errors.js";
import { clean, localDate, normaliseCountryCode } from "../shared/text.js";
import type { ActivityState, EventState, MetricState } from "./activity.state.js";
import type { EventInput, MetricInput, SubmitActivityInput } from "./activity-write.inputs.js";
import { figureFieldsOf } from "../metrics/metric.coverage.js";

const MAX_METRICS = LIMITS.activity.metrics;

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

export function eventState(e: EventInput, issues: Issues): EventState {
  let countryCode: string | null = null;
  if (clean(e.countryCode) !== null) {
    countryCode = normaliseCountryCode(e.countryCode!);
    if (countryCode === null) {
      issues.add("INVALID_FORMAT", `countryCode must be an ISO 3166-1 alpha-2 code such as JP; got "${e.countryCode!.slice(0, 20)}".`, "countryCode");
    }
  }
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
    // An invalid time zone is reported by validateState.
  }
}

export function metricsFromInput(list: MetricInput[] | null | undefined, issues: Issues): MetricState[] {
  const items = list ?? [];
  if (items.length > MAX_METRICS) issues.add("TOO_MANY", `At most ${MAX_METRICS} metrics per activity; got ${items.length}.`, "metrics");
  return items.map(metricState);
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
    event: input.event ? eventState(input.event, issues.at("event")) : null,
    metrics: metricsFromInput(input.metrics, issues),
  };
  alignEventDates(state, issues, input);
  return state;
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
