// An activity's figures: one row per figure (what it counts, the channel, the value, its precision and scope),
// with buttons to add and remove rows. Each row is a named group so that its fields read "Figure 2, Value".
import type { Channel, MetricKind, MetricScope, Precision } from "../gql/graphql";
import { Field, type FieldErrors } from "../portal/fields";
import { CHANNELS, METRIC_KINDS, PRECISIONS, SCOPES } from "../portal/enums";
import { channelLabel, enumLabel, kindTitle } from "../lib/words";
import { blankMetric, type MetricDraft } from "./activity-draft";
import { Options } from "../components/Options";

interface Props {
  metrics: MetricDraft[];
  errors: FieldErrors;
  onChange: (metrics: MetricDraft[]) => void;
}

export function FigureFieldset({ metrics, errors, onChange }: Props) {
  const setMetric = (i: number, patch: Partial<MetricDraft>) => onChange(metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset>
      <legend>Figures</legend>
      {metrics.length === 0 && <p className="meta">No figures.</p>}
      {metrics.map((m, i) => (
        <div className="metric-row" key={i} role="group" aria-label={`Figure ${i + 1}`}>
          <Field label="Counts" name={`metrics.${i}.kind`} errors={errors}>
            {(p) => (
              <select {...p} value={m.kind} onChange={(e) => setMetric(i, { kind: e.target.value as MetricKind })}>
                <Options values={METRIC_KINDS} label={kindTitle} />
              </select>
            )}
          </Field>
          <Field label="Channel" name={`metrics.${i}.channel`} errors={errors}>
            {(p) => (
              <select {...p} value={m.channel} onChange={(e) => setMetric(i, { channel: e.target.value as Channel | "" })}>
                <option value="">All channels</option>
                <Options values={CHANNELS} label={channelLabel} />
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
          <button type="button" className="secondary" onClick={() => onChange(metrics.filter((_, j) => j !== i))}>
            Remove figure {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...metrics, blankMetric()])}>
        Add a figure
      </button>
    </fieldset>
  );
}
