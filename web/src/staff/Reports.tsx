// Report downloads: GET /reports/{year}.{md,csv,json} with the staff key (a plain link cannot send it), saved as a file.
import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { authorizationHeader, readApiKey } from "../lib/api-key";

const Years = graphql(`
  query ReportYears {
    editions {
      id
      year
    }
  }
`);

const FORMATS = [
  ["md", "Markdown"],
  ["csv", "CSV"],
  ["json", "JSON"],
] as const;

export function Reports() {
  const [{ data }] = useQuery({ query: Years });
  const [year, setYear] = useState<string>("");
  const [preview, setPreview] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const years = (data?.editions ?? []).map((e) => e.year);
  const chosen = year || String(years[0] ?? "");

  async function download(ext: string) {
    setMessage(null);
    const response = await fetch(`/reports/${chosen}.${ext}${preview ? "?includePending=true" : ""}`, { headers: authorizationHeader(readApiKey()) });
    if (!response.ok) return setMessage(`The hub answered ${response.status}: ${(await response.text()).trim()}`);
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `idor-${chosen}.${ext}`;
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage(`Downloaded ${name}.`);
  }

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <p>The yearly summary as ESR publishes it, computed from the approved activities (the same as npm run report).</p>
      <div className="actions">
        <div className="inline-field">
          <label htmlFor="report-year">Edition</label>
          <select id="report-year" value={chosen} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="inline-field">
          <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} /> Preview: count what waits for
          review as if approved
        </label>
      </div>
      <div className="actions">
        {FORMATS.map(([ext, label]) => (
          <button key={ext} type="button" onClick={() => download(ext)} disabled={!chosen}>
            Download {label}
          </button>
        ))}
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
