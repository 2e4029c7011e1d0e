// Signing in with an API key. The key goes to this tab's sessionStorage only; the page then reloads so that nothing
// cached for another key (or for the public) is shown.
import { useId, useState, type FormEvent, type ReactElement } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { storeApiKey } from "../lib/api-key";
import { Status } from "../components/Layout";

const KEY_FORMAT = /^idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export function SignIn({ title, who }: { title: string; who: string }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (!KEY_FORMAT.test(k)) {
      setError("This is not an IDoR Hub API key: it starts with idor_ and is 57 characters long.");
      return;
    }
    storeApiKey(k);
    window.location.reload();
  };
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">Sign in with the API key {who}. It is kept in this browser tab only and forgotten when you close it.</p>
      <form onSubmit={submit} className="form narrow" noValidate>
        <div className="field">
          <label htmlFor={id}>API key</label>
          <input
            id={id}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <button type="submit">Sign in</button>
      </form>
    </>
  );
}

export function signOut() {
  storeApiKey(null);
  window.location.reload();
}

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      keyPrefix
      society {
        id
        slug
        acronym
        name
      }
    }
  }
`);

export type SignedIn = { role: "PARTNER" | "STAFF" | "PUBLIC"; keyPrefix?: string | null; society?: { id: string; slug: string; acronym: string; name: string } | null };

/** Who the stored key belongs to, as the hub says; renders the sign-in problems itself. */
export function useSignedIn(): { viewer: SignedIn | null; problem: ReactElement | null } {
  const [{ data, error }] = useQuery({ query: ViewerQuery, requestPolicy: "network-only" });
  if (error) {
    const status = (error.response as Response | undefined)?.status;
    return {
      viewer: null,
      problem: (
        <>
          <Status error>
            {status === 401 ? "The hub does not accept this key: it is unknown, malformed or revoked." : `Could not sign in: ${error.message}`}
          </Status>
          <button type="button" onClick={signOut}>
            Use another key
          </button>
        </>
      ),
    };
  }
  if (!data) return { viewer: null, problem: <Status>Signing in…</Status> };
  return { viewer: data.viewer, problem: null };
}

export function SignedInBar({ viewer }: { viewer: SignedIn }) {
  return (
    <p className="signed-in">
      Signed in as <strong>{viewer.society ? `${viewer.society.acronym} (partner)` : viewer.role.toLowerCase()}</strong> with key{" "}
      <code>{viewer.keyPrefix}</code>.{" "}
      <button type="button" className="secondary" onClick={signOut}>
        Sign out
      </button>
    </p>
  );
}
