import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { DataTable } from "../components/DataTable";
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
      <DataTable
        caption="Societies by slug"
        rows={data.societies.edges.map((e) => e.node)}
        rowKey={(s) => s.id}
        head={{ label: "Society", cell: (s) => <Link href={`/societies/${s.slug}`}>{s.acronym}</Link> }}
        columns={[
          { label: "Name", cell: (s) => s.name },
          { label: "Country", cell: (s) => countryName(s.countryCode) },
          { label: "Kind", cell: (s) => enumLabel(s.kind) },
        ]}
      />
    </>
  );
}
