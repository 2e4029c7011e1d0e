// What a stored figure covers: one channel (`channel`), a named set (`channels`), or everything (both null); the
// coverage and provenance fields of a metric input; and the consistency check of an activity's figures on submission.
import { CHANNELS, type Channel, type MetricKind, type MetricScope, type Precision } from "../db/enums.js";
import type { Issues } from "../shared/user-errors.js";

export function coverageOfRow(row: { channel: Channel | null; channels?: Channel[] | null }): Channel[] | null {
  if (row.channel) return [row.channel];
  if (row.channels?.length) return CHANNELS.filter((c) => row.channels!.includes(c));
  return null;
}

const text = (v: string | null | undefined) => (v == null || v.trim() === "" ? null : v.trim());

/** The issue-9 fields of a metric input, normalised (a named set in the enum's order, without repeats). */
export function figureFieldsOf(m: { channels?: Channel[] | null; derived?: boolean | null; window?: string | null; overrideNote?: string | null }) {
  const set = m.channels?.length ? CHANNELS.filter((c) => m.channels!.includes(c)) : null;
  return { channels: set, derived: m.derived ?? false, window: text(m.window), overrideNote: text(m.overrideNote) };
}

interface FigureState {
  kind: MetricKind;
  channel: Channel | null;
  channels: Channel[] | null;
  value: number;
  precision: Precision;
  scope: MetricScope;
  window: string | null;
  overrideNote: string | null;
}

/**
 * A figure over several channels (a named set, or everything) holds the activity's figures on those channels of the
 * same kind and scope, so it may not be smaller than their sum (unless it is only a lower bound, or the channel figures
 * are estimates, or a source really says so: overrideNote).
 */
export function checkFigures(figures: readonly FigureState[], issues: Issues): void {
  figures.forEach((f, i) => {
    const at = issues.at("metrics", i);
    if (f.channel !== null || f.precision === "AT_LEAST" || f.overrideNote !== null) return;
    const covered = (c: Channel) => f.channels === null || f.channels.includes(c);
    const parts = figures.filter((g) => g !== f && g.kind === f.kind && g.scope === f.scope && g.channel !== null && covered(g.channel) && g.precision !== "ESTIMATE");
    const sum = parts.reduce((s, g) => s + g.value, 0);
    if (parts.length && sum > f.value) {
      const over = f.channels === null ? "all channels" : f.channels.join(", ");
      at.add(
        "INCONSISTENT_FIGURES",
        `${f.kind} on ${over} (${f.value}) is smaller than the activity's own ${f.kind} on ${parts.map((g) => g.channel).join(", ")} added up (${sum}). Correct the figures, or give overrideNote saying why the source has it so.`,
        "value",
      );
    }
  });
}
