// An edition: theme, headline figures in words, charts by channel and by society, a country table of the societies
// that took part, the activities, and the events with their calendar feed. Figures come first (one small query);
// lists and charts load beside them.
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import type { MetricKind } from "../gql/graphql";
import { Status } from "../components/Layout";
import { Breakdown } from "./EditionBreakdown";
import { EditionActivities } from "./EditionActivities";
import { formatDate, kindTitle, precisionNote, totalInWords, type Precision } from "../lib/words";
import { Options } from "../components/Options";

export const EditionFigures = graphql(`
  query EditionFigures($year: Int!) {
    edition(year: $year) {
      id
      year
      date
      theme
      themeSource
    }
    summary(year: $year) {
      year
      participatingSocieties
      countries
      activityCount
      totals {
        kind
        value
        precision
      }
      records {
        kind
        channel
        previousYear
      }
    }
  }
`);

// Non-additive kinds first: they frame the reach figures.
const ORDER = ["PARTICIPATING_SOCIETIES", "COUNTRIES", "LANGUAGES"];
const preferredChartKind = (kinds: string[]) => ["IMPRESSIONS", "VIEWS", "REACH", "MENTIONS"].find((k) => kinds.includes(k)) ?? kinds[0];

export function Edition({ year }: { year: number }) {
  const [{ data, fetching, error }] = useQuery({ query: EditionFigures, variables: { year }, requestPolicy: "cache-and-network" });
  const totals = useMemo(
    () => [...(data?.summary?.totals ?? [])].sort((a, b) => rank(a.kind) - rank(b.kind) || b.value - a.value),
    [data],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const chartKinds = totals.filter((t) => !ORDER.includes(t.kind)).map((t) => t.kind);
  const chartKind = chosen && chartKinds.includes(chosen as MetricKind) ? chosen : preferredChartKind(chartKinds);

  if (error) return <Status error>Could not load IDoR {year}: {error.message}</Status>;
  if (!data) return <Status>Loading IDoR {year}…</Status>;
  if (!data.edition) {
    return (
      <>
        <h1>IDoR {year}</h1>
        <p>
          The hub has no edition of {year}. See the <Link href="/">list of editions</Link>.
        </p>
      </>
    );
  }
  const { edition, summary } = data;
  return (
    <article className="edition" aria-busy={fetching}>
      <EditionNav year={year} />
      <h1>
        IDoR {edition.year}
        {edition.theme && <span className="theme">{edition.theme}</span>}
      </h1>
      <p className="meta">
        {formatDate(edition.date)}
        {edition.themeSource && (
          <>
            {" · "}theme source: <span className="source">{edition.themeSource}</span>
          </>
        )}
      </p>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures</h2>
        {summary && totals.length > 0 ? (
          <>
            <ul className="figures" data-testid="headline-figures">
              {totals.map((t) => (
                <li key={t.kind} className="figure">
                  <strong>{totalInWords(t.kind, t as { value: number; precision: Precision })}</strong>
                  {t.precision !== "EXACT" && <span className="badge">{precisionNote(t.precision)}</span>}
                </li>
              ))}
            </ul>
            <p className="meta">
              Compiled from {summary.activityCount} approved {summary.activityCount === 1 ? "activity" : "activities"} of{" "}
              {summary.participatingSocieties} {summary.participatingSocieties === 1 ? "society" : "societies"} in the hub
              {summary.countries > 0 && ` from ${summary.countries} ${summary.countries === 1 ? "country" : "countries"}`}. A
              campaign-wide measurement and the societies' own figures are never added together.
            </p>
            {summary.records.length > 0 && (
              <p>
                Records:{" "}
                {summary.records
                  .filter((r) => !r.channel)
                  .map((r) => `${kindTitle(r.kind)} (best since ${r.previousYear ?? "the start"})`)
                  .join(", ") || "on single channels"}
                .
              </p>
            )}
          </>
        ) : (
          <p>No figures of IDoR {year} are in the hub yet.</p>
        )}
      </section>

      {chartKind && (
        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading">Where the figures come from</h2>
          <div className="inline-field">
            <label htmlFor="chart-kind">Figure</label>
            <select id="chart-kind" value={chartKind} onChange={(e) => setChosen(e.target.value)}>
              <Options values={chartKinds} label={kindTitle} />
            </select>
          </div>
          <Breakdown year={year} kind={chartKind as MetricKind} />
        </section>
      )}

      <EditionActivities year={year} />
    </article>
  );
}

const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

function EditionNav({ year }: { year: number }) {
  const thisYear = new Date().getFullYear();
  return (
    <nav aria-label="Editions" className="edition-nav">
      {year > 2012 && <Link href={`/editions/${year - 1}`}>← IDoR {year - 1}</Link>}
      {year < thisYear && <Link href={`/editions/${year + 1}`}>IDoR {year + 1} →</Link>}
    </nav>
  );
}
