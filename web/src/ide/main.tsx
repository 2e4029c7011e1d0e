// The GraphQL IDE the hub serves to browsers at /graphql: GraphiQL, bundled (no CDN), with a field for the API key
// that every request sends as `Authorization: Bearer <key>`.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { authorizationHeader, readApiKey, storeApiKey } from "../lib/api-key";
import "./ide.css";

const DEFAULT_QUERY = `# The IDoR Hub's GraphQL API. Press the run button (or Ctrl-Enter); the Docs panel lists every type and field.
# Paste an API key above to act as a partner or as staff.
{
  edition(year: 2020) {
    year
    theme
    summary {
      totals { kind value precision }
    }
  }
}
`;

/**
 * CodeMirror 5 (inside GraphiQL) types into a hidden textarea without a label (axe: "label", critical). Name each one
 * after the editor section around it ("Query Editor", "Variables", "Result Window"), also for editors added later.
 */
function useLabelledEditors() {
  useEffect(() => {
    const label = () => {
      for (const area of document.querySelectorAll<HTMLTextAreaElement>(".graphiql-container textarea:not([aria-label])")) {
        const section = area.closest("[aria-label]")?.getAttribute("aria-label");
        area.setAttribute("aria-label", `${section ?? "GraphQL"} (code editor)`);
      }
    };
    label();
    const observer = new MutationObserver(label);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

function Ide() {
  useLabelledEditors();
  const [key, setKey] = useState(readApiKey() ?? "");
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: new URL("/graphql", window.location.href).toString(),
        fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...authorizationHeader(key.trim() || null) } }),
      }),
    [key],
  );
  return (
    <div className="ide">
      <header className="ide-bar">
        <a href="/">IDoR Hub</a>
        <label>
          API key
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="idor_… (empty: public)"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              storeApiKey(e.target.value.trim() || null);
            }}
          />
        </label>
        <span className="ide-note">kept in this tab only</span>
      </header>
      <div className="ide-main">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}

createRoot(document.getElementById("graphiql")!).render(<Ide />);
