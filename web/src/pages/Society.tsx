// A society: its activities by year, with their figures and sources.
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { Status } from "../components/Layout";
import { ActivityItem } from "../components/ActivityItem";
import { countryName, enumLabel, formatDate } from "../lib/words";

const SocietyQuery = graphql(`
  query SocietyPage($slug: String!) {
    society(slug: $slug) {
      id
      slug
      acronym
      name
      countryCode
      website
      kind
      profession
      foundedYear
      note
      activities(first: 100) {
        totalCount
        edges {
          node {
            id
            title
            kind
            url
            source
            startsOn
            edition {
              id
              year
            }
            metrics {
              ...MetricFields
              source
            }
          }
        }
      }
    }
  }
`);

export function Society({ slug }: { slug: string }) {
  const [{ data, error }] = useQuery({ query: SocietyQuery, variables: { slug }, requestPolicy: "cache-and-network" });
  if (error) return <Status error>Could not load the society: {error.message}</Status>;
  if (!data) return <Status>Loading…</Status>;
  const s = data.society;
  if (!s) {
    return (
      <>
        <h1>Society not found</h1>
        <p>
          No society has the handle “{slug}”. See <Link href="/societies">all societies</Link>.
        </p>
      </>
    );
  }
  const byYear = new Map<number, typeof s.activities.edges>();
  for (const edge of s.activities.edges) {
    const y = edge.node.edition.year;
    byYear.set(y, [...(byYear.get(y) ?? []), edge]);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  return (
    <>
      <h1>
        {s.acronym} <span className="theme">{s.name}</span>
      </h1>
      <p className="meta">
        {enumLabel(s.kind)} · {countryName(s.countryCode)} · {enumLabel(s.profession)}
        {s.foundedYear && ` · founded ${s.foundedYear}`}
        {s.website && (
          <>
            {" · "}
            <a href={s.website}>website</a>
          </>
        )}
      </p>
      {s.note && <p>{s.note}</p>}
      {years.length === 0 && <p>No approved activity of {s.acronym} is in the hub yet.</p>}
      {years.map((year) => (
        <section key={year} aria-labelledby={`y${year}`}>
          <h2 id={`y${year}`}>
            <Link href={`/editions/${year}`}>IDoR {year}</Link>
          </h2>
          <ul className="activities">
            {byYear.get(year)!.map(({ node: a }) => (
              <ActivityItem key={a.id} activity={a}>
                {enumLabel(a.kind)}
                {a.startsOn && ` · ${formatDate(a.startsOn)}`}
                {a.source && ` · source: ${a.source}`}
              </ActivityItem>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
