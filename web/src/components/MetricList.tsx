import { channelLabel, figureInWords, kindLabel, type Precision } from "../lib/words";

export interface MetricView {
  id?: string;
  kind: string;
  channel?: string | null;
  value: number;
  precision: Precision;
  scope?: string;
  source?: string | null;
}

/** An activity's figures in words: "more than 105,000 impressions (Twitter / X)". */
export function MetricList({ metrics }: { metrics: MetricView[] }) {
  if (metrics.length === 0) return null;
  return (
    <ul className="metrics">
      {metrics.map((m, i) => (
        <li key={m.id ?? i}>
          {figureInWords(m)} {kindLabel(m.kind, m.value)}
          {m.channel && ` (${channelLabel(m.channel)})`}
          {m.scope === "CAMPAIGN" && <span className="badge">whole campaign</span>}
          {m.source && <span className="source"> — source: {m.source}</span>}
        </li>
      ))}
    </ul>
  );
}
