// The staff console: the review queue, API keys, the audit log and report downloads.
import { Link, useLocation } from "wouter";
import { SignIn, SignedInBar, useSignedIn } from "../portal/SignIn";
import { useApiKey } from "../lib/session";
import { ApiKeys } from "./ApiKeys";
import { AuditLog } from "./AuditLog";
import { Reports } from "./Reports";
import { ReviewQueue } from "./ReviewQueue";

const TABS = [
  ["/staff", "Review queue"],
  ["/staff/keys", "API keys"],
  ["/staff/audit", "Audit log"],
  ["/staff/reports", "Reports"],
] as const;

export function Staff() {
  const [key] = useApiKey();
  if (!key) return <SignIn title="Staff console" who="of an ESR staff member" />;
  return <Console />;
}

function Console() {
  const { viewer, problem } = useSignedIn();
  const [location] = useLocation();
  if (problem) return problem;
  if (viewer!.role !== "STAFF") {
    return (
      <>
        <h1>Staff console</h1>
        <SignedInBar viewer={viewer!} />
        <p>
          This key is not a staff key. Partner societies work in the <Link href="/partner">partner portal</Link>.
        </p>
      </>
    );
  }
  const tab = TABS.find(([href]) => href === location.replace(/\/$/, "")) ?? TABS[0];
  return (
    <>
      <h1>Staff console · {tab[1]}</h1>
      <SignedInBar viewer={viewer!} />
      <nav aria-label="Staff console">
        <ul className="tabs">
          {TABS.map(([href, label]) => (
            <li key={href}>
              <Link href={href} aria-current={tab[0] === href ? "page" : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab[0] === "/staff" && <ReviewQueue />}
      {tab[0] === "/staff/keys" && <ApiKeys />}
      {tab[0] === "/staff/audit" && <AuditLog />}
      {tab[0] === "/staff/reports" && <Reports />}
    </>
  );
}
