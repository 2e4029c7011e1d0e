// API keys: issue (the secret is shown once, here), list, revoke.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import { ScrollTable } from "../components/Pager";
import { DataTable } from "../components/DataTable";
import type { ApiKeyRole } from "../gql/graphql";
import { Status } from "../components/Layout";
import { ErrorSummary, Field, errorsByField, type FieldErrors } from "../portal/fields";
import { formatDateTime } from "../lib/words";

export const ApiKeyFields = graphql(`
  fragment ApiKeyFields on ApiKey {
    prefix
    label
    role
    createdAt
    revokedAt
    society {
      id
      slug
      acronym
    }
  }
`);

const Keys = graphql(`
  query ApiKeys($includeRevoked: Boolean!) {
    apiKeys(first: 100, includeRevoked: $includeRevoked) {
      totalCount
      edges {
        node {
          ...ApiKeyFields
        }
      }
    }
    societies(first: 100) {
      edges {
        node {
          id
          slug
          acronym
        }
      }
    }
  }
`);

const Issue = graphql(`
  mutation IssueApiKey($input: IssueApiKeyInput!) {
    issueApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const Revoke = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        prefix
        revokedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function ApiKeys() {
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [{ data, error }, refetch] = useQuery({ query: Keys, variables: { includeRevoked }, requestPolicy: "cache-and-network" });
  const [, issue] = useMutation(Issue);
  const [, revoke] = useMutation(Revoke);
  const [label, setLabel] = useState("");
  const [role, setRole] = useState<ApiKeyRole>("PARTNER");
  const [society, setSociety] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<{ prefix: string; secret: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const onIssue = async (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    const result = await issue({ input: { label, role, societySlug: role === "PARTNER" ? society || null : null } });
    if (result.error) return setErrors({ _form: [result.error.message] });
    const p = result.data!.issueApiKey;
    if (p.userErrors.length) return setErrors(errorsByField(p.userErrors));
    setErrors({});
    setLabel("");
    setSecret({ prefix: p.apiKey!.prefix, secret: p.secret! });
    refetch({ requestPolicy: "network-only" });
  };

  const onRevoke = async (prefix: string, what: string) => {
    if (!window.confirm(`Revoke ${prefix} (${what})? It stops working at once.`)) return;
    const result = await revoke({ input: { prefix } });
    const problems = result.error ? [result.error.message] : result.data!.revokeApiKey.userErrors.map((x) => x.message);
    setMessage(problems.length ? `Not revoked: ${problems.join(" ")}` : `Revoked ${prefix}.`);
    refetch({ requestPolicy: "network-only" });
  };

  if (error) return <Status error>Could not load the keys: {error.message}</Status>;
  if (!data) return <Status>Loading the keys…</Status>;
  return (
    <>
      <section aria-labelledby="issue-heading">
        <h2 id="issue-heading">Issue a key</h2>
        <form className="form narrow" onSubmit={onIssue} noValidate>
          <ErrorSummary errors={errors} shown={["label", "role", "societySlug"]} />
          <Field label="For whom (label)" name="label" errors={errors} hint='e.g. "DVTA web team"'>
            {(p) => <input {...p} value={label} onChange={(e) => setLabel(e.target.value)} />}
          </Field>
          <Field label="Role" name="role" errors={errors}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value as ApiKeyRole)}>
                <option value="PARTNER">Partner society</option>
                <option value="STAFF">ESR staff</option>
              </select>
            )}
          </Field>
          {role === "PARTNER" && (
            <Field label="Society" name="societySlug" errors={errors}>
              {(p) => (
                <select {...p} value={society} onChange={(e) => setSociety(e.target.value)}>
                  <option value="">Choose a society</option>
                  {data.societies.edges.map(({ node }) => (
                    <option key={node.id} value={node.slug}>
                      {node.acronym} ({node.slug})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="actions">
            <button type="submit">Issue key</button>
          </div>
        </form>
        {secret && (
          <div role="status" data-testid="new-secret">
            <p>
              <strong>Key {secret.prefix} issued.</strong> Copy the secret now and hand it over safely: it is not shown again.
            </p>
            <p className="secret">{secret.secret}</p>
          </div>
        )}
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {message && <p role="status">{message}</p>}
        <label className="inline-field">
          <input type="checkbox" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} /> Show revoked keys
        </label>
        <ScrollTable>
          <DataTable
            testId="api-keys"
            caption={`${data.apiKeys.totalCount} keys, newest first`}
            rows={data.apiKeys.edges.map((e) => e.node)}
            rowKey={(k) => k.prefix}
            head={{ label: "Prefix", cell: (k) => <code>{k.prefix}</code> }}
            columns={[
              { label: "Label", cell: (k) => k.label },
              { label: "Role", cell: (k) => k.role.toLowerCase() },
              { label: "Society", cell: (k) => k.society?.acronym ?? "—" },
              { label: "Issued", cell: (k) => formatDateTime(k.createdAt) },
              { label: "Revoked", cell: (k) => (k.revokedAt ? formatDateTime(k.revokedAt) : "—") },
              {
                label: "Actions",
                hidden: true,
                cell: (k) =>
                  !k.revokedAt && (
                    <button type="button" className="secondary" onClick={() => onRevoke(k.prefix, k.label)} aria-label={`Revoke ${k.prefix} (${k.label})`}>
                      Revoke
                    </button>
                  ),
              },
            ]}
          />
        </ScrollTable>
      </section>
    </>
  );
}
