// The audit log, newest first, 25 entries a page; "Older" follows the connection's cursor, "Newer" goes back along
// the cursors already seen (the API pages forward only).
import { useState } from "react";
import { PageControls, ScrollTable, useCursorPages } from "../components/Pager";
import { DataTable } from "../components/DataTable";
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
            <DataTable
              testId="audit-log"
              caption={`${data.auditLog.totalCount} entries, newest first (page ${pages.page})`}
              rows={data.auditLog.edges.map((edge) => edge.node)}
              rowKey={(e) => String(e.sequence)}
              head={{ label: "#", cell: (e) => e.sequence }}
              columns={[
                { label: "When", cell: (e) => formatDateTime(e.at) },
                { label: "Action", cell: (e) => <code>{e.action}</code> },
                {
                  label: "Who",
                  cell: (e) => (
                    <>
                      {e.actorRole.toLowerCase()}
                      {e.actorSociety && ` (${e.actorSociety.acronym})`}
                      {e.actorKeyPrefix && (
                        <div className="meta">
                          <code>{e.actorKeyPrefix}</code>
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  label: "What",
                  cell: (e) => (
                    <>
                      {e.targetType}
                      {e.society && ` of ${e.society.acronym}`}
                      <div className="meta">
                        <code>{e.targetId}</code>
                      </div>
                    </>
                  ),
                },
                {
                  label: "Values",
                  cell: (e) => (
                    <details>
                      <summary>Before and after</summary>
                      <p>Before:</p>
                      <pre className="json">{e.before == null ? "— (created)" : JSON.stringify(e.before, null, 2)}</pre>
                      <p>After:</p>
                      <pre className="json">{JSON.stringify(e.after, null, 2)}</pre>
                    </details>
                  ),
                },
              ]}
            />
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
