// The edition's societies (a country table), activities and events. Paged modestly: 50 at a time.
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { Status } from "../components/Layout";
import { ActivityItem } from "../components/ActivityItem";
import { countryName, enumLabel, formatDateTime } from "../lib/words";

const ActivitiesQuery = graphql(`
  query EditionActivities($year: Int!) {
    edition(year: $year) {
      id
      activities(first: 50) {
        totalCount
        edges {
          node {
            id
            title
            kind
            url
            society {
              id
              slug
              acronym
              name
              countryCode
            }
            metrics {
              ...MetricFields
            }
          }
        }
      }
    }
    events(filter: { year: $year }, first: 50) {
      totalCount
      edges {
        node {
          id
          title
          society {
            id
            slug
            acronym
          }
          event {
            startsAt
            timeZone
            city
            countryCode
            venue
            online
            joinUrl
          }
        }
      }
    }
  }
`);

export function EditionActivities({ year }: { year: number }) {
  const [{ data, error }] = useQuery({ query: ActivitiesQuery, variables: { year }, requestPolicy: "cache-and-network" });
  if (error) return <Status error>Could not load the activities: {error.message}</Status>;
  if (!data?.edition) return <Status>Loading the activities…</Status>;
  const page = data.edition.activities;
  const activities = page.edges.map((e) => e.node);
  const byCountry = new Map<string, Map<string, { slug: string; acronym: string; name: string }>>();
  for (const a of activities) {
    const key = a.society.countryCode ?? "";
    if (!byCountry.has(key)) byCountry.set(key, new Map());
    byCountry.get(key)!.set(a.society.slug, a.society);
  }
  const countries = [...byCountry.entries()].sort((a, b) => countryName(a[0] || null).localeCompare(countryName(b[0] || null)));
  return (
    <>
      <section aria-labelledby="societies-heading">
        <h2 id="societies-heading">Societies that took part</h2>
        {countries.length === 0 ? (
          <p>No approved activity of IDoR {year} is in the hub yet.</p>
        ) : (
          <table>
            <caption>Societies with activities in the hub, by country</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Societies</th>
              </tr>
            </thead>
            <tbody>
              {countries.map(([code, societies]) => (
                <tr key={code || "intl"}>
                  <th scope="row">{countryName(code || null)}</th>
                  <td>
                    {[...societies.values()].map((s, i) => (
                      <span key={s.slug}>
                        {i > 0 && ", "}
                        <Link href={`/societies/${s.slug}`} title={s.name}>
                          {s.acronym}
                        </Link>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">Activities</h2>
        <p className="meta">
          {page.totalCount} approved {page.totalCount === 1 ? "activity" : "activities"}
          {page.totalCount > activities.length && `, the ${activities.length} most recently recorded shown`}.
        </p>
        <ul className="activities" data-testid="edition-activities">
          {activities.map((a) => (
            <ActivityItem key={a.id} activity={a}>
              {enumLabel(a.kind)} · <Link href={`/societies/${a.society.slug}`}>{a.society.acronym}</Link>
            </ActivityItem>
          ))}
        </ul>
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <p>
          <a href={`/editions/${year}/events.ics`}>Subscribe to the IDoR {year} calendar (.ics)</a>
        </p>
        {data.events.edges.length === 0 ? (
          <p>No events of IDoR {year} are in the hub.</p>
        ) : (
          <ul className="events">
            {data.events.edges.map(({ node }) => (
              <li key={node.id}>
                <strong>{node.title}</strong> — {node.society.acronym},{" "}
                {node.event && (
                  <>
                    <time dateTime={node.event.startsAt}>{formatDateTime(node.event.startsAt, node.event.timeZone)}</time>{" "}
                    ({node.event.timeZone}){node.event.online ? ", online" : ""}
                    {[node.event.venue, node.event.city, node.event.countryCode && countryName(node.event.countryCode)]
                      .filter(Boolean)
                      .map((p) => `, ${p}`)
                      .join("")}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
