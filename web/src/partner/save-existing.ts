// Saving an existing activity: its own fields and event (updateActivity), the figures that are gone (removeMetrics),
// then the new and changed ones (recordMetrics), each at the version the previous step left. Each mutation is all or
// nothing; the first one refused stops the rest, and the form says which steps were saved. What was saved is the new
// starting point, so pressing Save again after fixing the marked fields sends only what is still missing.
import { useRef, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { ActivityWriteResultFragment } from "../gql/graphql";
import { errorsByField, type FieldErrors } from "../portal/fields";
import { contentInput, figureChanges, keyOf, metricInput, type ActivityDraft, type Existing } from "./activity-draft";

const Update = graphql(`
  mutation UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
      ...ActivityWriteResult
    }
  }
`);

const Record = graphql(`
  mutation RecordMetrics($input: RecordMetricsInput!) {
    recordMetrics(input: $input) {
      ...ActivityWriteResult
    }
  }
`);

const Remove = graphql(`
  mutation RemoveMetrics($input: RemoveMetricsInput!) {
    removeMetrics(input: $input) {
      ...ActivityWriteResult
    }
  }
`);

export interface SaveOutcome {
  errors: FieldErrors;
  /** True when some steps were saved before one was refused. */
  written?: boolean;
  failure?: string;
  message?: string;
}

type Step = { error?: { message: string }; payload?: ActivityWriteResultFragment };

export function useSaveExisting(existing: Existing | undefined) {
  const [, update] = useMutation(Update);
  const [, record] = useMutation(Record);
  const [, remove] = useMutation(Remove);
  const [busy, setBusy] = useState(false);
  // What the hub has now, as far as this form knows: the version to send, and the figures' keys.
  const base = useRef({ version: existing?.version ?? 0, keys: new Set(existing?.draft.metrics.map((m) => keyOf({ kind: m.kind, channel: m.channel || null }))) });

  async function run(draft: ActivityDraft): Promise<SaveOutcome> {
    const id = existing!.id;
    const saved: string[] = [];
    let last: ActivityWriteResultFragment["activity"] = null;
    const stop = (step: Step, what: string, errors: FieldErrors): SaveOutcome => {
      const already = saved.length ? `Saved: ${saved.join(", ")}. ` : "Nothing was saved. ";
      if (step.error) return { errors: {}, failure: `${already}The ${what} could not be saved: ${step.error.message}` };
      return { errors, written: saved.length > 0, failure: saved.length ? `${already}The ${what} were not saved: see the marked fields.` : undefined };
    };
    const accept = (payload: ActivityWriteResultFragment, what: string) => {
      last = payload.activity ?? last;
      // The hub answers an unchanged activity at the same version: nothing was written.
      if (payload.activity && payload.activity.version !== base.current.version) saved.push(what);
      base.current.version = payload.activity?.version ?? base.current.version;
    };
    setBusy(true);
    try {
      const u = await update({ input: { id, expectedVersion: base.current.version, ...contentInput(draft) } });
      const up: Step = { error: u.error, payload: u.data?.updateActivity };
      if (up.error || up.payload!.userErrors.length) return stop(up, "activity's fields", errorsByField(up.payload?.userErrors ?? []));
      accept(up.payload!, "the activity's fields");

      const { removed, recorded } = figureChanges(base.current.keys, draft);
      if (removed.length) {
        const r = await remove({ input: { activityId: id, expectedVersion: base.current.version, metrics: removed } });
        const step: Step = { error: r.error, payload: r.data?.removeMetrics };
        if (step.error || step.payload!.userErrors.length) return stop(step, "removed figures", errorsByField(step.payload?.userErrors ?? []));
        accept(step.payload!, `${removed.length} removed ${removed.length === 1 ? "figure" : "figures"}`);
        for (const m of removed) base.current.keys.delete(keyOf(m));
      }
      if (recorded.length) {
        const r = await record({ input: { activityId: id, expectedVersion: base.current.version, metrics: recorded.map(({ m }) => metricInput(m)) } });
        const step: Step = { error: r.error, payload: r.data?.recordMetrics };
        if (step.error || step.payload!.userErrors.length) {
          // ["input", "metrics", "1", "value"] names the second figure sent: put it on that figure's row in the form.
          const errors = errorsByField(
            (step.payload?.userErrors ?? []).map((e) =>
              e.field[1] === "metrics" && e.field[2] !== undefined
                ? { ...e, field: ["input", "metrics", String(recorded[Number(e.field[2])]?.index ?? e.field[2]), ...(e.field.length > 3 ? e.field.slice(3) : ["value"])] }
                : e,
            ),
          );
          return stop(step, "figures", errors);
        }
        accept(step.payload!, `${recorded.length} new or changed ${recorded.length === 1 ? "figure" : "figures"}`);
        for (const { m } of recorded) base.current.keys.add(keyOf({ kind: m.kind, channel: m.channel || null }));
      }
      const a = last as ActivityWriteResultFragment["activity"];
      return {
        errors: {},
        message: a?.pendingChange
          ? `Your change to “${a.title}” waits for review; the approved version stays public until then.`
          : `“${a?.title}” was updated (${a?.status.toLowerCase()}).`,
      };
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
