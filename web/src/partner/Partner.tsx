// The partner portal: a society's activities with their review status, forms to submit and update, and a CSV upload.
import { useState, type ReactElement } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import { Status } from "../components/Layout";
import { MetricList } from "../components/MetricList";
import { ScrollTable } from "../components/Pager";
import { DataTable } from "../components/DataTable";
import { SignIn, SignedInBar, useSignedIn } from "../portal/SignIn";
import { useApiKey } from "../lib/session";
import { enumLabel } from "../lib/words";
import { ActivityForm } from "./ActivityForm";
import { existingOf, type Existing } from "./activity-draft";
import { CsvUpload } from "./CsvUpload";

const PartnerActivities = graphql(`
  query PartnerActivities($slug: String!) {
    editions {
      id
      year
    }
    activities(filter: { societySlug: $slug }, first: 100) {
      totalCount
      edges {
        node {
          ...ActivityContent
          reviewNote
        }
      }
    }
  }
`);

export function Partner() {
  const [key] = useApiKey();
  if (!key) return <SignIn title="Partner portal" who="ESR issued to your society" />;
  return <PartnerHome />;
}

function PartnerHome() {
  const { viewer, problem } = useSignedIn();
  if (problem) return problem;
  if (viewer!.role !== "PARTNER" || !viewer!.society) {
    return (
      <>
        <h1>Partner portal</h1>
        <SignedInBar viewer={viewer!} />
        <p>
          This key is not a partner society's key. Staff work in the <Link href="/staff">staff console</Link>.
        </p>
      </>
    );
  }
  return <Portal slug={viewer!.society.slug} acronym={viewer!.society.acronym} bar={<SignedInBar viewer={viewer!} />} />;
}

function Portal({ slug, acronym, bar }: { slug: string; acronym: string; bar: ReactElement }) {
  const [{ data, error }, refetch] = useQuery({ query: PartnerActivities, variables: { slug }, requestPolicy: "cache-and-network" });
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<Existing | null>(null);
  const [showAll, setShowAll] = useState(false);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const years = (data?.editions ?? []).map((e) => e.year).sort((a, b) => b - a);
  const activities = data?.activities.edges.map((e) => e.node) ?? [];
  const waiting = activities.filter((a) => a.status === "SUBMITTED" || a.pendingChange).length;
  return (
    <>
      <h1>Partner portal · {acronym}</h1>
      {bar}
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="yours">
        <h2 id="yours">Your activities</h2>
        {error && <Status error>Could not load your activities: {error.message}</Status>}
        {!data && !error && <Status>Loading your activities…</Status>}
        {data && (
          <>
            <p className="meta" data-testid="partner-counts">
              {data.activities.totalCount} activities; {waiting} waiting for review.
            </p>
            <ScrollTable>
              <DataTable
                testId="partner-activities"
                caption="Your society's activities, newest first"
                rows={showAll ? activities : activities.slice(0, 10)}
                rowKey={(a) => a.id}
                head={{
                  label: "Title",
                  cell: (a) => (
                    <>
                      {a.title}
                      <div className="meta">{enumLabel(a.kind)}</div>
                    </>
                  ),
                }}
                columns={[
                  { label: "Edition", cell: (a) => a.edition.year },
                  {
                    label: "Status",
                    cell: (a) => (
                      <>
                        <span className={`status-pill ${a.status.toLowerCase()}`}>{a.status === "SUBMITTED" ? "pending review" : a.status.toLowerCase()}</span>
                        {a.pendingChange && <div className="meta">change pending review</div>}
                        {a.reviewNote && <div className="meta">ESR: {a.reviewNote}</div>}
                      </>
                    ),
                  },
                  { label: "Figures", cell: (a) => <MetricList metrics={a.metrics} /> },
                  {
                    label: "Actions",
                    hidden: true,
                    cell: (a) => (
                      <button type="button" className="secondary" aria-label={`Edit ${a.title}`} onClick={() => setEditing(existingOf(a))}>
                        Edit
                      </button>
                    ),
                  },
                ]}
              />
            </ScrollTable>
            {activities.length > 10 && (
              <button type="button" className="secondary" onClick={() => setShowAll(!showAll)}>
                {showAll ? "Show the newest 10" : `Show all ${activities.length}`}
              </button>
            )}
          </>
        )}
      </section>
      {editing && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Update “{editing.draft.title}”</h2>
          <ActivityForm
            key={editing.id}
            years={years}
            existing={editing}
            onCancel={() => setEditing(null)}
            onDone={(m) => {
              setEditing(null);
              setMessage(m);
              reload();
            }}
          />
        </section>
      )}
      <section aria-labelledby="submit-heading">
        <h2 id="submit-heading">Submit an activity</h2>
        {data && (
          <ActivityForm
            years={years}
            onDone={(m) => {
              setMessage(m);
              reload();
            }}
          />
        )}
      </section>
      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading">Upload many activities (CSV)</h2>
        <CsvUpload onDone={reload} />
      </section>
    </>
  );
}
