// Many activities at once from a CSV file: checked in the browser, then sent in batches of 25 through
// submitActivities. A batch is all or nothing, so when the hub refuses some rows, the others of that batch are sent
// again without them. Every row keeps its idempotency key, so a retried upload never duplicates.
import { useState, type ChangeEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { columnOf, parseCsv, TEMPLATE, type ParsedRow } from "./csv";

const SubmitBatch = graphql(`
  mutation SubmitActivities($input: SubmitActivitiesInput!) {
    submitActivities(input: $input) {
      activities {
        id
        status
        title
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const BATCH = 25;

type RowResult = { line: number; title: string; ok: boolean; messages: string[] };

export function CsvUpload({ onDone }: { onDone: () => void }) {
  const [, submitBatch] = useMutation(SubmitBatch);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<RowResult[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`;

  async function upload(rows: ParsedRow[]) {
    const out: RowResult[] = rows
      .filter((r) => !r.input)
      .map((r) => ({ line: r.line, title: r.title, ok: false, messages: r.errors }));
    const good = rows.filter((r) => r.input);
    setProgress({ done: rows.length - good.length, total: rows.length });
    for (let i = 0; i < good.length; i += BATCH) {
      let batch = good.slice(i, i + BATCH);
      for (let attempt = 0; attempt < 2 && batch.length; attempt++) {
        const result = await submitBatch({ input: { activities: batch.map((r) => r.input!) } });
        if (result.error) {
          setProblem(`The upload stopped at line ${batch[0].line}: ${result.error.message}. Upload the same file again: rows already sent are not duplicated.`);
          setResults(out);
          return;
        }
        const { userErrors } = result.data!.submitActivities;
        if (userErrors.length === 0) {
          out.push(...batch.map((r) => ({ line: r.line, title: r.input!.title, ok: true, messages: [] })));
          batch = [];
          break;
        }
        // userErrors name their item: ["input", "activities", "3", "title"].
        const refused = new Map<number, string[]>();
        for (const e of userErrors) {
          const index = Number(e.field[2]);
          refused.set(index, [...(refused.get(index) ?? []), `${columnOf(e.field)}: ${e.message}`]);
        }
        batch.forEach((r, index) => {
          if (refused.has(index)) out.push({ line: r.line, title: r.input!.title, ok: false, messages: refused.get(index)! });
        });
        batch = batch.filter((_, index) => !refused.has(index));
      }
      for (const r of batch) out.push({ line: r.line, title: r.input!.title, ok: false, messages: ["refused twice; see the other rows' errors"] });
      setProgress({ done: rows.length - good.length + Math.min(i + BATCH, good.length), total: rows.length });
    }
    setResults(out.sort((a, b) => a.line - b.line));
    onDone();
  }

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setProblem(null);
    setResults([]);
    const { rows, problem } = parseCsv(await file.text());
    if (problem) return setProblem(problem);
    if (rows.length === 0) return setProblem("The file has no rows.");
    if (rows.length > 2000) return setProblem("Upload at most 2,000 rows at a time.");
    await upload(rows);
  };

  const failed = results.filter((r) => !r.ok);
  const sent = results.filter((r) => r.ok).length;
  return (
    <div className="csv-upload">
      <p>
        One activity per row; figures in the column groups <code>metric1_kind</code>, <code>metric1_channel</code>,{" "}
        <code>metric1_value</code>, <code>metric1_precision</code>, <code>metric1_scope</code> (then <code>metric2_…</code>, as many as
        you need). An event fills the columns <code>event_startsAt</code> and <code>event_endsAt</code> (the local time there, e.g.{" "}
        <code>2025-11-08T18:00</code>, or an instant with its offset), <code>event_timeZone</code> (e.g. <code>Europe/Berlin</code>),
        and optionally <code>event_venue</code>, <code>event_city</code>, <code>event_countryCode</code>, <code>event_online</code>{" "}
        (yes/no) and <code>event_joinUrl</code>; other activities leave them empty. Give each row a <code>ref</code> of your own (e.g. your database id): uploading a row again with the same
        ref never makes a second activity. <a href={templateHref} download="idor-activities-template.csv">Download the template</a>.
      </p>
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
      {progress && (
        <div className="progress">
          <label htmlFor="csv-progress">
            Upload progress: {progress.done} of {progress.total} rows
          </label>
          <progress id="csv-progress" max={progress.total} value={progress.done} />
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {results.length > 0 && (
        <div role="status" data-testid="csv-result">
          <p>
            <strong>
              {sent} of {results.length} rows submitted
            </strong>
            {failed.length > 0 && `; ${failed.length} ${failed.length === 1 ? "row was" : "rows were"} refused and not written. Fix them and upload the file again.`}
          </p>
          {failed.length > 0 && (
            <table className="row-errors">
              <caption>Rows the hub refused</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Title</th>
                  <th scope="col">What is wrong</th>
                </tr>
              </thead>
              <tbody>
                {failed.map((r) => (
                  <tr key={r.line}>
                    <th scope="row">{r.line}</th>
                    <td>{r.title}</td>
                    <td>{r.messages.join(" ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
