// One kind of figure of an edition, split by channel and by society (bar charts with tables), and by country.
import { useMemo, type ReactElement } from "react";
import type { ChartConfiguration } from "chart.js";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import type { MetricKind } from "../gql/graphql";
import { ChartView } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { Status } from "../components/Layout";
import { channelLabel, countryName, figureInWords, formatNumber, kindLabel, kindTitle, precisionNote } from "../lib/words";

const BreakdownQuery = graphql(`
  query EditionBreakdown($year: Int!, $kind: MetricKind!) {
    summary(year: $year) {
      year
      byChannel(kind: $kind) {
        channel
        value
        precision
      }
      bySociety(kind: $kind, first: 10) {
        society {
          id
          slug
          acronym
          name
        }
        value
        precision
        share
      }
      byCountry(kind: $kind) {
        countryCode
        value
        precision
        societies
        share
      }
    }
  }
`);

const COLORS = { EXACT: "#1d5f8a", AT_LEAST: "#c05a00", ESTIMATE: "#6b4aa0" } as const;

function bars(labels: string[], values: number[], precisions: (keyof typeof COLORS)[], label: string): ChartConfiguration {
  return {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: precisions.map((p) => COLORS[p]), maxBarThickness: 36 }] },
    options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } },
  };
}

const barsHeight = (n: number) => 70 + 44 * n;

export function Breakdown({ year, kind }: { year: number; kind: MetricKind }) {
  const [{ data, error }] = useQuery({ query: BreakdownQuery, variables: { year, kind }, requestPolicy: "cache-and-network" });
  const summary = data?.summary;
  // Largest first: the bars read as a ranking.
  const s = useMemo(() => summary && { ...summary, byChannel: [...summary.byChannel].sort((a, b) => b.value - a.value) }, [summary]);
  const channelChart = useMemo(
    () => s && bars(s.byChannel.map((c) => channelLabel(c.channel)), s.byChannel.map((c) => c.value), s.byChannel.map((c) => c.precision), kindTitle(kind)),
    [s, kind],
  );
  const societyChart = useMemo(
    () => s && bars(s.bySociety.map((r) => r.society.acronym), s.bySociety.map((r) => r.value), s.bySociety.map((r) => r.precision), kindTitle(kind)),
    [s, kind],
  );
  if (error) return <Status error>Could not load the breakdown: {error.message}</Status>;
  if (!s) return <Status>Loading the breakdown…</Status>;
  return (
    <div className="breakdown">
      <p className="legend-note">
        Bars: <span className="swatch exact" /> exact, <span className="swatch at-least" /> lower bound ("more than"),{" "}
        <span className="swatch estimate" /> estimate.
      </p>
      <div className="grid-2">
        <BreakdownSection
          id="by-channel"
          heading="By channel"
          empty={s.byChannel.length === 0 ? `No ${kindLabel(kind)} are recorded per channel.` : null}
          testId="chart-by-channel"
          count={s.byChannel.length}
          label={`${kindTitle(kind)} of IDoR ${year} by channel`}
          config={channelChart!}
          table={
            <DataTable
              caption={`${kindTitle(kind)} by channel`}
              rows={s.byChannel}
              rowKey={(c) => c.channel}
              head={{ label: "Channel", cell: (c) => channelLabel(c.channel) }}
              columns={[
                { label: "Figure", num: true, cell: (c) => formatNumber(c.value) },
                { label: "Precision", cell: (c) => precisionNote(c.precision) },
              ]}
            />
          }
        />
        <BreakdownSection
          id="by-society"
          heading="By society (their own figures)"
          empty={s.bySociety.length === 0 ? `No society has its own ${kindLabel(kind)} recorded.` : null}
          testId="chart-by-society"
          count={s.bySociety.length}
          label={`${kindTitle(kind)} of IDoR ${year} by society`}
          config={societyChart!}
          table={
            <DataTable
              caption={`${kindTitle(kind)} by society`}
              rows={s.bySociety}
              rowKey={(r) => r.society.id}
              head={{ label: "Society", cell: (r) => <Link href={`/societies/${r.society.slug}`}>{r.society.acronym}</Link> }}
              columns={[
                { label: "Figure", num: true, cell: (r) => figureInWords(r) },
                { label: "Share", num: true, cell: (r) => (r.share == null ? "—" : `${(r.share * 100).toFixed(1)}%`) },
              ]}
            />
          }
        />
      </div>
      {s.byCountry.length > 0 && (
        <DataTable
          className="countries"
          caption={`${kindTitle(kind)} by country (societies' own figures)`}
          rows={s.byCountry}
          rowKey={(c) => c.countryCode ?? "intl"}
          head={{ label: "Country", cell: (c) => countryName(c.countryCode) }}
          columns={[
            { label: "Societies", num: true, cell: (c) => c.societies },
            { label: "Figure", num: true, cell: (c) => figureInWords(c) },
          ]}
        />
      )}
    </div>
  );
}

interface SectionProps {
  id: string;
  heading: string;
  /** What to say instead of a chart when there is nothing to draw. */
  empty: string | null;
  testId: string;
  count: number;
  label: string;
  config: ChartConfiguration;
  table: ReactElement;
}

/** One breakdown (by channel, by society): a heading, then the bar chart with its numbers as a table. */
function BreakdownSection({ id, heading, empty, testId, count, label, config, table }: SectionProps) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {empty !== null ? <p>{empty}</p> : <ChartView testId={testId} height={barsHeight(count)} label={label} config={config} table={table} />}
    </section>
  );
}
