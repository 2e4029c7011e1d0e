import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";

const NAV = [
  ["/", "Editions"],
  ["/history", "History"],
  ["/societies", "Societies"],
  ["/partner", "Partner portal"],
  ["/staff", "Staff console"],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const current = (href: string) => (href === "/" ? location === "/" || location.startsWith("/editions") : location.startsWith(href));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          International Day of Radiology
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={current(href) ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphQL API</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Data from the IDoR Hub's public GraphQL API. IDoR is a joint initiative of ESR, RSNA and ACR, held every 8 November
          since 2012.
        </p>
      </footer>
    </>
  );
}

/** A loading, error or empty state that screen readers announce. */
export function Status({ children, error }: { children: ReactNode; error?: boolean }) {
  return (
    <p className={error ? "status error" : "status"} role={error ? "alert" : "status"}>
      {children}
    </p>
  );
}
