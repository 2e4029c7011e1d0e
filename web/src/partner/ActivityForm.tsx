// Submit a new activity or update one, figures and event included: every userError appears next to the field it
// names; nothing is written while the browser's own checks fail. A new submission keeps its idempotency key until the
// hub accepts it, so pressing the button again after a lost answer never makes a second activity.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { ActivityKind } from "../gql/graphql";
import { ErrorSummary, Field, errorsByField, newIdempotencyKey, type FieldErrors } from "../portal/fields";
import { ACTIVITY_KINDS } from "../portal/enums";
import { enumLabel } from "../lib/words";
import { blankDraft, contentInput, localErrors, metricInput, type ActivityDraft, type Existing } from "./activity-draft";
import { useSaveExisting } from "./save-existing";
import { EventFieldset } from "./EventFieldset";
import { FigureFieldset } from "./FigureFieldset";
import { Options } from "../components/Options";

export type { Existing } from "./activity-draft";

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
        ...UserErrorFields
      }
    }
  }
`);

interface Props {
  years: number[];
  existing?: Existing;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

const SHOWN = ["year", "kind", "title", "description", "url", "startsOn", "endsOn", "source"];
const EVENT_SHOWN = ["startsAt", "endsAt", "timeZone", "venue", "city", "countryCode", "joinUrl"].map((f) => `event.${f}`);

export function ActivityForm({ years, existing, onDone, onCancel }: Props) {
  const [draft, setDraft] = useState<ActivityDraft>(existing?.draft ?? blankDraft(years[0] ?? new Date().getFullYear()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<string | null>(null);
  const [partlyWritten, setPartlyWritten] = useState(false);
  const [submitState, submit] = useMutation(Submit);
  const save = useSaveExisting(existing);
  const busy = submitState.fetching || save.busy;
  const set = <K extends keyof ActivityDraft>(k: K, v: ActivityDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = localErrors(draft);
    setErrors(local);
    if (Object.keys(local).length) return;
    if (existing) {
      const outcome = await save.run(draft);
      if (outcome.failure) setFailure(outcome.failure);
      setPartlyWritten(outcome.written ?? false);
      setErrors(outcome.errors);
      if (outcome.message) onDone(outcome.message);
      return;
    }
    const result = await submit({ input: { idempotencyKey, year: Number(draft.year), ...contentInput(draft), metrics: draft.metrics.map(metricInput) } });
    // A lost answer keeps the key: the same request again is answered with the first result.
    if (result.error) return setFailure(`${result.error.message} — press Submit again: a retry never submits twice.`);
    const payload = result.data!.submitActivity;
    if (payload.userErrors.length) {
      setErrors(errorsByField(payload.userErrors));
      setIdempotencyKey(newIdempotencyKey()); // nothing was written: a corrected input is a new submission
      return;
    }
    setDraft(blankDraft(Number(draft.year)));
    setErrors({});
    setIdempotencyKey(newIdempotencyKey());
    onDone(`“${payload.activity!.title}” was submitted and waits for ESR's review.`);
  };

  const shown = [...SHOWN, ...(draft.isEvent ? EVENT_SHOWN : []), ...draft.metrics.flatMap((_, i) => ["kind", "channel", "value", "precision", "scope"].map((f) => `metrics.${i}.${f}`))];
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <ErrorSummary errors={errors} shown={shown} partlyWritten={partlyWritten} />
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
              <Options values={ACTIVITY_KINDS} label={enumLabel} />
            </select>
          )}
        </Field>
        <Field label="Title" name="title" errors={errors}>
          {(p) => <input {...p} value={draft.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field label="Web address (URL)" name="url" errors={errors} hint="http:// or https://, optional">
          {(p) => <input {...p} type="url" value={draft.url} onChange={(e) => set("url", e.target.value)} />}
        </Field>
        {!draft.isEvent && (
          <>
            <Field label="First day" name="startsOn" errors={errors} hint="optional">
              {(p) => <input {...p} type="date" value={draft.startsOn} onChange={(e) => set("startsOn", e.target.value)} />}
            </Field>
            <Field label="Last day" name="endsOn" errors={errors} hint="optional">
              {(p) => <input {...p} type="date" value={draft.endsOn} onChange={(e) => set("endsOn", e.target.value)} />}
            </Field>
          </>
        )}
        <Field label="Source" name="source" errors={errors} hint="where it is documented, optional">
          {(p) => <input {...p} value={draft.source} onChange={(e) => set("source", e.target.value)} />}
        </Field>
      </div>
      <Field label="Description" name="description" errors={errors} hint="optional">
        {(p) => <textarea {...p} rows={3} value={draft.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <label className="inline-field">
        <input type="checkbox" checked={draft.isEvent} onChange={(e) => set("isEvent", e.target.checked)} /> It is an event, with a time and a place
        (its days then come from its times)
      </label>
      {draft.isEvent && <EventFieldset event={draft.event} errors={errors} onChange={(patch) => set("event", { ...draft.event, ...patch })} />}
      <FigureFieldset
        metrics={draft.metrics}
        errors={errors}
        onChange={(metrics) => {
          // Errors are per row: after a row goes, they no longer point at the right one.
          if (metrics.length < draft.metrics.length) setErrors({});
          set("metrics", metrics);
        }}
      />
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
