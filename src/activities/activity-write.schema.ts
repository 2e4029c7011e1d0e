// The rules of the activity mutations' inputs that need nothing but the input, one zod schema per input (see
// src/shared/input-schema.ts for how their issues become userErrors). Rules that need the edition (date windows,
// figures dated from the window to today, the consistency of figures) are in activity.state.ts; the society, the
// edition and the idempotency key are resolved by the services.
import * as z from "zod";
import { LIMITS, shown } from "../shared/limits.js";
import { countryCode, httpUrl, issue, optionalText, requiredText, timeZone } from "../shared/input-schema.js";

const L = LIMITS.activity;

const figureName = (m: { kind: string; channel?: string | null }) => `${m.kind} on ${m.channel ?? "all channels"}`;

const MetricSchema = z
  .object({
    kind: z.string(),
    channel: z.string().nullish(),
    channels: z.array(z.string()).nullish(),
    value: z.number().min(0, { error: (i) => `value must be a whole number from 0 to 9007199254740991; got ${String(i.input)}.` }),
    window: optionalText(L.window),
    overrideNote: optionalText(L.overrideNote),
    source: optionalText(L.source),
    note: optionalText(L.note),
  })
  .check((ctx) => {
    // Coverage is one channel, a named set of two or more, or everything (see metric.coverage.ts).
    const { channel, channels } = ctx.value;
    const set = new Set(channels ?? []);
    if (set.size > 0 && channel != null) ctx.issues.push({ ...issue("INVALID_FORMAT", channels, "Give either channel (one) or channels (a named set), not both."), path: ["channels"] });
    else if (set.size === 1) ctx.issues.push({ ...issue("INVALID_FORMAT", channels, "channels names a set of two or more channels; for one channel use channel."), path: ["channels"] });
  });

/** The figures of one input: at most LIMITS.activity.metrics, one per (kind, channel). */
const metricList = z
  .array(MetricSchema)
  .max(L.metrics, { error: (i) => `At most ${L.metrics} metrics per activity; got ${(i.input as unknown[]).length}.` })
  .check((ctx) => {
    const seen = new Map<string, number>();
    ctx.value.forEach((m, i) => {
      const key = `${m.kind}/${m.channel ?? "ALL"}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const message = `metrics ${first} and ${i} both give ${figureName(m)}: send one figure per kind and channel.`;
        ctx.issues.push({ ...issue("DUPLICATE", m.kind, message), path: [i, "kind"] });
      }
    });
  });

const EventSchema = z
  .object({
    startsAt: z.date(),
    endsAt: z.date(),
    timeZone: timeZone(),
    venue: optionalText(L.venue),
    city: optionalText(L.city),
    countryCode: countryCode("JP"),
    joinUrl: httpUrl(L.url),
  })
  .check((ctx) => {
    const { startsAt, endsAt } = ctx.value;
    if (endsAt.getTime() < startsAt.getTime()) {
      const message = `endsAt ${endsAt.toISOString()} is before startsAt ${startsAt.toISOString()}.`;
      ctx.issues.push({ ...issue("END_BEFORE_START", endsAt, message), path: ["endsAt"] });
    }
  });

/** Co-organisers' slugs: at most LIMITS.activity.coOrganisers, each once (whether they exist is the service's check). */
const coOrganiserSlugs = z
  .array(z.string())
  .max(L.coOrganisers, { error: (i) => `At most ${L.coOrganisers} co-organisers; got ${(i.input as unknown[]).length}.` })
  .check((ctx) => {
    const seen = new Set<string>();
    ctx.value.forEach((slug, i) => {
      if (seen.has(slug)) ctx.issues.push({ ...issue("DUPLICATE", slug, `"${slug.slice(0, 64)}" is named twice.`), path: [i] });
      seen.add(slug);
    });
  });

/** SubmitActivityInput (and each item of SubmitActivitiesInput). */
export const SubmitActivitySchema = z.object({
  idempotencyKey: z.string().refine((key) => key.length >= 1 && key.length <= L.idempotencyKey, {
    params: { code: "INVALID_FORMAT" },
    error: (i) => `idempotencyKey must have 1 to ${L.idempotencyKey} characters; it has ${(i.input as string).length}.`,
  }),
  title: requiredText(L.title),
  description: optionalText(L.description),
  url: httpUrl(L.url),
  source: optionalText(L.source),
  event: EventSchema.nullish(),
  metrics: metricList.nullish(),
  coOrganisers: coOrganiserSlugs.nullish(),
});

/** SubmitActivitiesInput.activities: the batch as a whole (each item is checked with SubmitActivitySchema). */
export const SubmitActivitiesSchema = z
  .array(z.unknown())
  .max(L.batch, { error: (i) => `At most ${L.batch} activities per batch; got ${(i.input as unknown[]).length}.` });

/** UpdateActivityInput: omitted fields stay; null clears, except the title. */
export const UpdateActivitySchema = z.object({
  title: z
    .string({ error: (i) => (i.code === "invalid_type" ? "title cannot be removed or empty." : undefined) })
    .trim()
    .min(1, { error: "title cannot be removed or empty." })
    .max(L.title)
    .optional(),
  description: optionalText(L.description),
  url: httpUrl(L.url),
  source: optionalText(L.source),
  event: EventSchema.nullish(),
});

/** RecordMetricsInput. */
export const RecordMetricsSchema = z.object({
  metrics: metricList.min(1, { error: "metrics must name at least one figure." }),
});

/** RemoveMetricsInput: each figure named once. */
export const RemoveMetricsSchema = z.object({
  metrics: z
    .array(z.object({ kind: z.string(), channel: z.string().nullish() }))
    .min(1, { error: "metrics must name at least one figure." })
    .max(L.metrics, { error: (i) => `At most ${shown(L.metrics)} figures per call; got ${(i.input as unknown[]).length}.` })
    .check((ctx) => {
      const seen = new Set<string>();
      ctx.value.forEach((m, i) => {
        const key = `${m.kind}/${m.channel ?? "ALL"}`;
        if (seen.has(key)) ctx.issues.push({ ...issue("DUPLICATE", m, `${figureName(m)} is named twice.`), path: [i] });
        seen.add(key);
      });
    }),
});

/** ReviewActivityInput. */
export const ReviewActivitySchema = z.object({ note: optionalText(L.reviewNote) });

/** SetCoOrganisersInput. */
export const SetCoOrganisersSchema = z.object({ societies: coOrganiserSlugs });
