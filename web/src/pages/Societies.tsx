import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { Status } from "../components/Layout";
import { countryName, enumLabel } from "../lib/words";

const SocietiesQuery = graphql(`
  query Societies {
    societies(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          acronym
          name
          countryCode
          kind
        }
      }
    }
  }
`);

export function Societies() {
  const [{ data, error }] = useQuery({ query: SocietiesQuery });
  if (error) return <Status error>Could not load the societies: {error.message}</Status>;
  if (!data) return <Status>Loading the societies…</Status>;
  return (
    <>
      <h1>Societies</h1>
      <p className="lead">{data.societies.totalCount} societies support IDoR in the hub.</p>
      <table>
        <caption>Societies by slug</caption>
        <thead>
          <tr>
            <th scope="col">Society</th>
            <th scope="col">Name</th>
            <th scope="col">Country</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {data.societies.edges.map(({ node: s }) => (
            <tr key={s.id}>
              <th scope="row">
                <Link href={`/societies/${s.slug}`}>{s.acronym}</Link>
              </th>
              <td>{s.name}</td>
              <td>{countryName(s.countryCode)}</td>
              <td>{enumLabel(s.kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
