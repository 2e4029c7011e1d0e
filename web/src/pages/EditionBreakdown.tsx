// One kind of figure of an edition, split by channel and by society (bar charts with tables), and by country.
import { useMemo } from "react";
import type { ChartConfiguration } from "chart.js";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import type { MetricKind } from "../gql/graphql";
import { ChartView } from "../components/Chart";
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
        <section aria-labelledby="by-channel">
          <h3 id="by-channel">By channel</h3>
          {s.byChannel.length === 0 ? (
            <p>No {kindLabel(kind)} are recorded per channel.</p>
          ) : (
            <ChartView
              testId="chart-by-channel"
              height={barsHeight(s.byChannel.length)}
              label={`${kindTitle(kind)} of IDoR ${year} by channel`}
              config={channelChart!}
              table={
                <table>
                  <caption>{kindTitle(kind)} by channel</caption>
                  <thead>
                    <tr>
                      <th scope="col">Channel</th>
                      <th scope="col">Figure</th>
                      <th scope="col">Precision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.byChannel.map((c) => (
                      <tr key={c.channel}>
                        <th scope="row">{channelLabel(c.channel)}</th>
                        <td className="num">{formatNumber(c.value)}</td>
                        <td>{precisionNote(c.precision)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          )}
        </section>
        <section aria-labelledby="by-society">
          <h3 id="by-society">By society (their own figures)</h3>
          {s.bySociety.length === 0 ? (
            <p>No society has its own {kindLabel(kind)} recorded.</p>
          ) : (
            <ChartView
              testId="chart-by-society"
              height={barsHeight(s.bySociety.length)}
              label={`${kindTitle(kind)} of IDoR ${year} by society`}
              config={societyChart!}
              table={
                <table>
                  <caption>{kindTitle(kind)} by society</caption>
                  <thead>
                    <tr>
                      <th scope="col">Society</th>
                      <th scope="col">Figure</th>
                      <th scope="col">Share</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.bySociety.map((r) => (
                      <tr key={r.society.id}>
                        <th scope="row">
                          <Link href={`/societies/${r.society.slug}`}>{r.society.acronym}</Link>
                        </th>
                        <td className="num">{figureInWords(r)}</td>
                        <td className="num">{r.share == null ? "—" : `${(r.share * 100).toFixed(1)}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          )}
        </section>
      </div>
      {s.byCountry.length > 0 && (
        <table className="countries">
          <caption>
            {kindTitle(kind)} by country (societies' own figures)
          </caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Societies</th>
              <th scope="col">Figure</th>
            </tr>
          </thead>
          <tbody>
            {s.byCountry.map((c) => (
              <tr key={c.countryCode ?? "intl"}>
                <th scope="row">{countryName(c.countryCode)}</th>
                <td className="num">{c.societies}</td>
                <td className="num">{figureInWords(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
