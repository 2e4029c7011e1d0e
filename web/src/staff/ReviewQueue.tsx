// New submissions and pending changes, each with a before/after table; approve or reject with an optional note.
// The queue is paged along the API's connection, 25 at a time, oldest waiting last (the API's order: newest first).
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { ActivityContentFragment, ReviewDecision } from "../gql/graphql";
import { Status } from "../components/Layout";
import { PageControls, useCursorPages } from "../components/Pager";
import { channelLabel, enumLabel, eventInWords, figureInWords, kindLabel, type Precision } from "../lib/words";

/** The query's `first`: what one page of the queue holds. */
const PAGE_SIZE = 25;

const Queue = graphql(`
  query ReviewQueue($after: String) {
    activities(filter: { awaitingReview: true }, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ActivityContent
          createdAt
        }
      }
    }
  }
`);

const Review = graphql(`
  mutation ReviewActivity($input: ReviewActivityInput!) {
    reviewActivity(input: $input) {
      activity {
        id
        status
        version
        reviewNote
        pendingChange {
          title
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Item = ActivityContentFragment;
type Fields = Pick<Item, "title" | "kind" | "description" | "url" | "source" | "startsOn" | "endsOn" | "event"> & {
  metrics: { kind: string; channel?: string | null; value: number; precision: Precision; scope: string }[];
};

const figures = (f: Fields) =>
  f.metrics.map((m) => `${figureInWords(m)} ${kindLabel(m.kind, m.value)}${m.channel ? ` (${channelLabel(m.channel)})` : ""}${m.scope === "CAMPAIGN" ? ", whole campaign" : ""}`).join("; ") || "—";

const ROWS: [string, (f: Fields) => string][] = [
  ["Title", (f) => f.title],
  ["Kind", (f) => enumLabel(f.kind)],
  ["Description", (f) => f.description ?? "—"],
  ["URL", (f) => f.url ?? "—"],
  ["Source", (f) => f.source ?? "—"],
  ["First day", (f) => f.startsOn ?? "—"],
  ["Last day", (f) => f.endsOn ?? "—"],
  ["Event", (f) => eventInWords(f.event)],
  ["Figures", figures],
];

function Diff({ item }: { item: Item }) {
  const before: Fields | null = item.pendingChange ? item : null;
  const after: Fields = item.pendingChange ?? item;
  return (
    <table className="diff">
      <caption>{before ? "The pending change: approved version and proposed version" : "A new submission (nothing published before)"}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([label, get]) => {
          const b = before ? get(before) : "—";
          const a = get(after);
          const changed = b !== a;
          return (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className={changed ? "changed" : undefined}>{changed && before ? <del>{b}</del> : b}</td>
              <td className={changed ? "changed" : undefined}>
                {changed ? <ins>{a}</ins> : a}
                {changed && <span className="visually-hidden"> (changed)</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ReviewQueue() {
  const pages = useCursorPages();
  const [{ data, error, fetching }, refetch] = useQuery({ query: Queue, variables: { after: pages.after }, requestPolicy: "cache-and-network" });
  const [, review] = useMutation(Review);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = data?.activities.edges.map((e) => e.node) ?? [];

  async function decide(item: Item, decision: ReviewDecision): Promise<boolean> {
    const result = await review({ input: { id: item.id, decision, expectedVersion: item.version, note: notes[item.id]?.trim() || null } });
    const problems = result.error ? [result.error.message] : result.data!.reviewActivity.userErrors.map((e) => e.message);
    if (problems.length) {
      setMessage(`“${item.title}” was not reviewed: ${problems.join(" ")}`);
      return false;
    }
    return true;
  }

  async function run(list: Item[], decision: ReviewDecision) {
    setBusy(true);
    let done = 0;
    for (const item of list) if (await decide(item, decision)) done++;
    setBusy(false);
    setMessage(`${decision === "APPROVE" ? "Approved" : "Rejected"} ${done} of ${list.length}.`);
    // A page decided as a whole is gone from the queue: start again from the newest.
    if (list.length === items.length && pages.page > 1) pages.first();
    else refetch({ requestPolicy: "network-only" });
  }

  if (error) return <Status error>Could not load the queue: {error.message}</Status>;
  if (!data) return <Status>Loading the review queue…</Status>;
  const total = data.activities.totalCount;
  const from = (pages.page - 1) * PAGE_SIZE + 1;
  const pager = (where: string) => (
    <PageControls
      pages={pages}
      hasNextPage={data.activities.pageInfo.hasNextPage}
      endCursor={data.activities.pageInfo.endCursor}
      label={`Pages of the review queue (${where})`}
      previousText={`Previous ${PAGE_SIZE}`}
      nextText={`Next ${PAGE_SIZE}`}
    />
  );
  return (
    <section aria-labelledby="queue-heading" aria-busy={fetching || busy}>
      <h2 id="queue-heading">Waiting for review</h2>
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      <p data-testid="queue-count">
        {total === 0 && items.length === 0
          ? "Nothing waits for review."
          : `${total} waiting${total > items.length || pages.page > 1 ? `; ${from}–${from + items.length - 1} shown (page ${pages.page})` : ""}.`}
      </p>
      {pager("top")}
      {items.length > 1 && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => run(items, "APPROVE")}>
            Approve all {items.length} shown
          </button>
        </div>
      )}
      {items.map((item) => (
        <article className="review-item" key={item.id} aria-labelledby={`t-${item.id}`}>
          <h3 id={`t-${item.id}`}>
            {item.pendingChange ? "Change to: " : ""}
            {item.title}
          </h3>
          <p className="meta">
            {item.society.acronym} · IDoR {item.edition.year} · version {item.version}
          </p>
          <details open={Boolean(item.pendingChange)}>
            <summary>{item.pendingChange ? "Before and after" : `New submission: ${figures(item)}`}</summary>
            <Diff item={item} />
          </details>
          <div className="field">
            <label htmlFor={`note-${item.id}`}>Note to the society (optional)</label>
            <textarea id={`note-${item.id}`} rows={2} value={notes[item.id] ?? ""} onChange={(e) => setNotes({ ...notes, [item.id]: e.target.value })} />
          </div>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => run([item], "APPROVE")} aria-label={`Approve ${item.title}`}>
              Approve
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => run([item], "REJECT")} aria-label={`Reject ${item.title}`}>
              Reject
            </button>
          </div>
        </article>
      ))}
      {items.length > 3 && pager("end")}
    </section>
  );
}
