// Submit a new activity or update one: every userError appears next to the field it names; nothing is written
// while there are any. A new submission keeps its idempotency key until the hub accepts it, so pressing the button
// again after a lost answer never makes a second activity.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { ActivityKind, Channel, MetricKind, MetricScope, Precision, SubmitActivityInput } from "../gql/graphql";
import { ErrorSummary, Field, errorsByField, newIdempotencyKey, type FieldErrors } from "../portal/fields";
import { ACTIVITY_KINDS, CHANNELS, METRIC_KINDS, PRECISIONS, SCOPES } from "../portal/enums";
import { channelLabel, enumLabel, kindTitle } from "../lib/words";

const Submit = graphql(`
  mutation SubmitActivity($input: SubmitActivityInput!) {
    submitActivity(input: $input) {
      replayed
      activity {
        id
        status
        version
        title
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const Update = graphql(`
  mutation UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
      activity {
        id
        status
        version
        title
        pendingChange {
          title
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export interface MetricDraft {
  kind: MetricKind;
  channel: Channel | "";
  value: string;
  precision: Precision;
  scope: MetricScope;
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
  metrics: MetricDraft[];
}

export interface Existing {
  id: string;
  version: number;
  draft: ActivityDraft;
}

const blank = (year: number): ActivityDraft => ({
  year: String(year),
  kind: "WEBINAR",
  title: "",
  description: "",
  url: "",
  startsOn: "",
  endsOn: "",
  source: "",
  metrics: [{ kind: "PARTICIPANTS", channel: "", value: "", precision: "EXACT", scope: "OWN" }],
});

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** Checks what the browser can check (numbers); everything else is the hub's to judge. */
function localErrors(d: ActivityDraft): FieldErrors {
  const errors: FieldErrors = {};
  d.metrics.forEach((m, i) => {
    if (!/^\d+$/.test(m.value.trim())) errors[`metrics.${i}.value`] = ["Enter a whole number, 0 or more."];
    else if (!Number.isSafeInteger(Number(m.value))) errors[`metrics.${i}.value`] = ["The number is too large."];
  });
  return errors;
}

function metricInput(m: MetricDraft) {
  return { kind: m.kind, channel: m.channel || null, value: Number(m.value), precision: m.precision, scope: m.scope };
}

interface Props {
  years: number[];
  existing?: Existing;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

export function ActivityForm({ years, existing, onDone, onCancel }: Props) {
  const [draft, setDraft] = useState<ActivityDraft>(existing?.draft ?? blank(years[0] ?? new Date().getFullYear()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitState, submit] = useMutation(Submit);
  const [updateState, update] = useMutation(Update);
  const busy = submitState.fetching || updateState.fetching;
  const set = <K extends keyof ActivityDraft>(k: K, v: ActivityDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setMetric = (i: number, patch: Partial<MetricDraft>) =>
    setDraft((d) => ({ ...d, metrics: d.metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = localErrors(draft);
    setErrors(local);
    if (Object.keys(local).length) return;
    if (existing) {
      const result = await update({
        input: {
          id: existing.id,
          expectedVersion: existing.version,
          kind: draft.kind,
          title: draft.title,
          description: orNull(draft.description),
          url: orNull(draft.url),
          startsOn: orNull(draft.startsOn),
          endsOn: orNull(draft.endsOn),
          source: orNull(draft.source),
        },
      });
      if (result.error) return setFailure(result.error.message);
      const payload = result.data!.updateActivity;
      if (payload.userErrors.length) return setErrors(errorsByField(payload.userErrors));
      onDone(
        payload.activity?.pendingChange
          ? `Your change to “${payload.activity.title}” waits for review; the approved version stays public until then.`
          : `“${payload.activity?.title}” was updated (${payload.activity?.status.toLowerCase()}).`,
      );
      return;
    }
    const input: SubmitActivityInput = {
      idempotencyKey,
      year: Number(draft.year),
      kind: draft.kind,
      title: draft.title,
      description: orNull(draft.description),
      url: orNull(draft.url),
      startsOn: orNull(draft.startsOn),
      endsOn: orNull(draft.endsOn),
      source: orNull(draft.source),
      metrics: draft.metrics.map(metricInput),
    };
    const result = await submit({ input });
    // A lost answer keeps the key: the same request again is answered with the first result.
    if (result.error) return setFailure(`${result.error.message} — press Submit again: a retry never submits twice.`);
    const payload = result.data!.submitActivity;
    if (payload.userErrors.length) {
      setErrors(errorsByField(payload.userErrors));
      setIdempotencyKey(newIdempotencyKey()); // nothing was written: a corrected input is a new submission
      return;
    }
    setDraft(blank(Number(draft.year)));
    setErrors({});
    setIdempotencyKey(newIdempotencyKey());
    onDone(`“${payload.activity!.title}” was submitted and waits for ESR's review.`);
  };

  const shown = ["year", "kind", "title", "description", "url", "startsOn", "endsOn", "source", ...draft.metrics.flatMap((_, i) => ["kind", "channel", "value", "precision", "scope"].map((f) => `metrics.${i}.${f}`))];
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <ErrorSummary errors={errors} shown={shown} />
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-grid">
        {!existing && (
          <Field label="Edition" name="year" errors={errors}>
            {(p) => (
              <select {...p} value={draft.year} onChange={(e) => set("year", e.target.value)}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    IDoR {y}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Kind of activity" name="kind" errors={errors}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => set("kind", e.target.value as ActivityKind)}>
              {ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {enumLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" name="title" errors={errors}>
          {(p) => <input {...p} value={draft.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field label="Web address (URL)" name="url" errors={errors} hint="http:// or https://, optional">
          {(p) => <input {...p} type="url" value={draft.url} onChange={(e) => set("url", e.target.value)} />}
        </Field>
        <Field label="First day" name="startsOn" errors={errors} hint="optional">
          {(p) => <input {...p} type="date" value={draft.startsOn} onChange={(e) => set("startsOn", e.target.value)} />}
        </Field>
        <Field label="Last day" name="endsOn" errors={errors} hint="optional">
          {(p) => <input {...p} type="date" value={draft.endsOn} onChange={(e) => set("endsOn", e.target.value)} />}
        </Field>
        <Field label="Source" name="source" errors={errors} hint="where it is documented, optional">
          {(p) => <input {...p} value={draft.source} onChange={(e) => set("source", e.target.value)} />}
        </Field>
      </div>
      <Field label="Description" name="description" errors={errors} hint="optional">
        {(p) => <textarea {...p} rows={3} value={draft.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      {!existing && (
        <fieldset>
          <legend>Figures</legend>
          {draft.metrics.map((m, i) => (
            <div className="metric-row" key={i} role="group" aria-label={`Figure ${i + 1}`}>
              <Field label="Counts" name={`metrics.${i}.kind`} errors={errors}>
                {(p) => (
                  <select {...p} value={m.kind} onChange={(e) => setMetric(i, { kind: e.target.value as MetricKind })}>
                    {METRIC_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindTitle(k)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Channel" name={`metrics.${i}.channel`} errors={errors}>
                {(p) => (
                  <select {...p} value={m.channel} onChange={(e) => setMetric(i, { channel: e.target.value as Channel | "" })}>
                    <option value="">All channels</option>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {channelLabel(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Value" name={`metrics.${i}.value`} errors={errors}>
                {(p) => <input {...p} inputMode="numeric" value={m.value} onChange={(e) => setMetric(i, { value: e.target.value })} />}
              </Field>
              <Field label="Precision" name={`metrics.${i}.precision`} errors={errors}>
                {(p) => (
                  <select {...p} value={m.precision} onChange={(e) => setMetric(i, { precision: e.target.value as Precision })}>
                    {PRECISIONS.map((x) => (
                      <option key={x} value={x}>
                        {x === "AT_LEAST" ? "At least (more than)" : enumLabel(x)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Scope" name={`metrics.${i}.scope`} errors={errors}>
                {(p) => (
                  <select {...p} value={m.scope} onChange={(e) => setMetric(i, { scope: e.target.value as MetricScope })}>
                    {SCOPES.map((x) => (
                      <option key={x} value={x}>
                        {x === "OWN" ? "Our own reach" : "Whole campaign"}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="button" className="secondary" onClick={() => set("metrics", draft.metrics.filter((_, j) => j !== i))}>
                Remove figure {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => set("metrics", [...draft.metrics, { kind: "VIEWS", channel: "", value: "", precision: "EXACT", scope: "OWN" }])}
          >
            Add a figure
          </button>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {existing ? "Save changes" : "Submit for review"}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
