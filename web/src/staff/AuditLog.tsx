// The audit log, newest first, 25 entries a page; "Older" follows the connection's cursor, "Newer" goes back along
// the cursors already seen (the API pages forward only).
import { useState } from "react";
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
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [action, setAction] = useState("");
  const after = cursors[cursors.length - 1];
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
            setCursors([null]);
          }}
        />
      </label>
      {!data ? (
        <Status>Loading the audit log…</Status>
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Scrollable table">
            <table data-testid="audit-log">
              <caption>
                {data.auditLog.totalCount} entries, newest first (page {cursors.length})
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
          </div>
          <div className="actions">
            <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Newer
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!data.auditLog.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, data.auditLog.pageInfo.endCursor ?? null])}
            >
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}
