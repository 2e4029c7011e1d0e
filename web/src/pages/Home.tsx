import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { Status } from "../components/Layout";

const HomeQuery = graphql(`
  query Home {
    editions {
      id
      year
      theme
    }
  }
`);

export function Home() {
  const [{ data, fetching, error }] = useQuery({ query: HomeQuery });
  return (
    <>
      <h1>International Day of Radiology</h1>
      <p className="lead">
        Every 8 November since 2012, radiology and radiography societies around the world raise awareness of medical imaging.
        Pick an edition to see its theme, its activities and the figures they reached, or compare the editions in the{" "}
        <Link href="/history">history</Link>.
      </p>
      {error && <Status error>Could not load the editions: {error.message}</Status>}
      {fetching && !data && <Status>Loading the editions…</Status>}
      {data && (
        <section aria-labelledby="editions-heading">
          <h2 id="editions-heading">Editions</h2>
          <ul className="cards">
            {data.editions.map((e) => (
              <li key={e.id}>
                <Link href={`/editions/${e.year}`} className="card">
                  <span className="card-year">IDoR {e.year}</span>
                  <span className="card-theme">{e.theme ?? "Theme not recorded"}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
