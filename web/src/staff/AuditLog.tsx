// The audit log, newest first, 25 entries a page; "Older" follows the connection's cursor, "Newer" goes back along
// the cursors already seen (the API pages forward only).
import { useState } from "react";
import { PageControls, ScrollTable, useCursorPages } from "../components/Pager";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { Status } from "../components/Layout";
import { formatDateTime } from "../lib/words";

const Log = graphql(`
  query AuditLog($after: String, $action: String) {
    auditLog(first: 25, after: $after, filter: { action: $action }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          sequence
          at
          action
          actorRole
          actorKeyPrefix
          actorSociety {
            id
            acronym
          }
          society {
            id
            acronym
          }
          targetType
          targetId
          before
          after
          requestId
        }
      }
    }
  }
`);

export function AuditLog() {
  const pages = useCursorPages();
  const [action, setAction] = useState("");
  const after = pages.after;
  const [{ data, error }] = useQuery({ query: Log, variables: { after, action: action.trim() || null }, requestPolicy: "cache-and-network" });
  if (error) return <Status error>Could not load the audit log: {error.message}</Status>;
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <label className="inline-field">
        Only the action
        <input
          value={action}
          placeholder="e.g. activity.approve"
          onChange={(e) => {
            setAction(e.target.value);
            pages.first();
          }}
        />
      </label>
      {!data ? (
        <Status>Loading the audit log…</Status>
      ) : (
        <>
          <ScrollTable>
            <table data-testid="audit-log">
              <caption>
                {data.auditLog.totalCount} entries, newest first (page {pages.page})
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Values</th>
                </tr>
              </thead>
              <tbody>
                {data.auditLog.edges.map(({ node: e }) => (
                  <tr key={e.sequence}>
                    <th scope="row">{e.sequence}</th>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.actorRole.toLowerCase()}
                      {e.actorSociety && ` (${e.actorSociety.acronym})`}
                      {e.actorKeyPrefix && (
                        <div className="meta">
                          <code>{e.actorKeyPrefix}</code>
                        </div>
                      )}
                    </td>
                    <td>
                      {e.targetType}
                      {e.society && ` of ${e.society.acronym}`}
                      <div className="meta">
                        <code>{e.targetId}</code>
                      </div>
                    </td>
                    <td>
                      <details>
                        <summary>Before and after</summary>
                        <p>Before:</p>
                        <pre className="json">{e.before == null ? "— (created)" : JSON.stringify(e.before, null, 2)}</pre>
                        <p>After:</p>
                        <pre className="json">{JSON.stringify(e.after, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <PageControls
            pages={pages}
            hasNextPage={data.auditLog.pageInfo.hasNextPage}
            endCursor={data.auditLog.pageInfo.endCursor}
            label="Pages of the audit log"
            previousText="Newer"
            nextText="Older"
          />
        </>
      )}
    </section>
  );
}
