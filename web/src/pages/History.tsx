// Each measure across the editions. A line joins only consecutive editions that both have the figure (a missing
// year breaks it); lower bounds are drawn as upward triangles and estimates as hollow circles, with dashed segments
// wherever an end is not exact, so "more than 2,000" never reads as exactly 2,000.
import { useEffect, useMemo, useState } from "react";
import type { ChartConfiguration } from "chart.js";
import { useClient, useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { ChartView } from "../components/Chart";
import { ScrollTable } from "../components/Pager";
import { Status } from "../components/Layout";
import { figureInWords, kindTitle, type Precision } from "../lib/words";
import { Options } from "../components/Options";

// One request per edition's summary: the hub's cost limit (HUB_MAX_COST) allows a few summaries per request, not all
// fourteen, and each answer is cached by the hub until the data changes.
const HistoryEditionsQuery = graphql(`
  query HistoryEditions {
    editions {
      id
      year
    }
  }
`);

const HistoryYearQuery = graphql(`
  query HistoryYear($year: Int!) {
    summary(year: $year) {
      year
      totals {
        kind
        value
        precision
      }
    }
  }
`);

type EditionTotals = { year: number; summary: { totals: { kind: string; value: number; precision: Precision }[] } };

/** Every edition with its totals, oldest first; null while loading. */
function useEditionTotals(): { editions: EditionTotals[] | null; error: Error | null } {
  const client = useClient();
  const [{ data, error }] = useQuery({ query: HistoryEditionsQuery, requestPolicy: "cache-and-network" });
  const [result, setResult] = useState<{ editions: EditionTotals[] | null; error: Error | null }>({ editions: null, error: null });
  const years = useMemo(() => (data?.editions ?? []).map((e) => e.year).sort((a, b) => a - b), [data]);
  useEffect(() => {
    if (!data) return;
    let live = true;
    Promise.all(years.map((year) => client.query(HistoryYearQuery, { year }).toPromise()))
      .then((answers) => {
        if (!live) return;
        const failed = answers.find((a) => a.error);
        if (failed) return setResult({ editions: null, error: failed.error! });
        const editions = answers.flatMap((a) => (a.data?.summary ? [{ year: a.data.summary.year, summary: { totals: a.data.summary.totals } }] : []));
        setResult({ editions, error: null });
      })
      .catch((err: Error) => live && setResult({ editions: null, error: err }));
    return () => {
      live = false;
    };
  }, [client, data, years]);
  return error ? { editions: null, error } : result;
}

type Point = { value: number; precision: Precision } | null;

function lineConfig(kind: string, years: number[], points: Point[]): ChartConfiguration {
  const exact = (i: number) => points[i]?.precision === "EXACT";
  return {
    type: "line",
    data: {
      labels: years.map(String),
      datasets: [
        {
          label: kindTitle(kind),
          data: points.map((p) => (p ? p.value : null)),
          spanGaps: false,
          borderColor: "#1d5f8a",
          backgroundColor: points.map((p) => (p?.precision === "ESTIMATE" ? "#ffffff" : p?.precision === "AT_LEAST" ? "#c05a00" : "#1d5f8a")),
          pointBorderColor: points.map((p) => (p?.precision === "AT_LEAST" ? "#c05a00" : "#1d5f8a")),
          pointStyle: points.map((p) => (p?.precision === "AT_LEAST" ? "triangle" : "circle")),
          pointRadius: 6,
          pointBorderWidth: 2,
          segment: { borderDash: (ctx) => (exact(ctx.p0DataIndex) && exact(ctx.p1DataIndex) ? undefined : [6, 4]) },
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true } },
    },
  };
}

export function History() {
  const { editions: loaded, error } = useEditionTotals();
  const editions = useMemo(() => loaded ?? [], [loaded]);
  const kinds = useMemo(() => [...new Set(editions.flatMap((e) => e.summary.totals.map((t) => t.kind)))].sort(), [editions]);
  const [chosen, setChosen] = useState<string | null>(null);
  const kind = chosen ?? (kinds.includes("MENTIONS") ? "MENTIONS" : kinds[0]);
  const years = editions.map((e) => e.year);
  const points: Point[] = editions.map((e) => e.summary.totals.find((t) => t.kind === kind) ?? null);
  const config = useMemo(() => (kind ? lineConfig(kind, years, points) : null), [kind, editions]); // eslint-disable-line

  if (error) return <Status error>Could not load the history: {error.message}</Status>;
  if (!loaded) return <Status>Loading the history…</Status>;
  return (
    <>
      <h1>IDoR across the editions</h1>
      <p className="lead">
        Each figure as the hub compiles it for every edition. A line joins two editions only when both have the figure;
        a triangle ▲ marks a lower bound ("more than") and a hollow circle ○ an estimate, and any line touching one is dashed.
      </p>
      {kind && config ? (
        <>
          <div className="inline-field">
            <label htmlFor="history-kind">Figure</label>
            <select id="history-kind" value={kind} onChange={(e) => setChosen(e.target.value)}>
              <Options values={kinds} label={kindTitle} />
            </select>
          </div>
          <ChartView
            testId="chart-history"
            label={`${kindTitle(kind)} per IDoR edition`}
            config={config}
            table={<HistoryTable kinds={[kind]} editions={editions} />}
          />
        </>
      ) : (
        <p>No edition has figures in the hub yet.</p>
      )}
      <h2>All figures</h2>
      <ScrollTable>
        <HistoryTable kinds={kinds} editions={editions} />
      </ScrollTable>
    </>
  );
}

function HistoryTable({ kinds, editions }: { kinds: string[]; editions: { year: number; summary: { totals: { kind: string; value: number; precision: Precision }[] } }[] }) {
  return (
    <table>
      <caption>Totals per edition ("more than": lower bound; "about": estimate)</caption>
      <thead>
        <tr>
          <th scope="col">Edition</th>
          {kinds.map((k) => (
            <th scope="col" key={k}>
              {kindTitle(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {editions.map((e) => (
          <tr key={e.year}>
            <th scope="row">
              <Link href={`/editions/${e.year}`}>{e.year}</Link>
            </th>
            {kinds.map((k) => {
              const t = e.summary.totals.find((x) => x.kind === k);
              return (
                <td key={k} className="num">
                  {t ? figureInWords(t) : "—"}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
