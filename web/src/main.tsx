// The IDoR web site: public pages, the partner portal and the staff console, all reading and writing through the
// hub's public GraphQL API. The portals load on demand, so the public pages' JavaScript stays small.
import { lazy, StrictMode, Suspense, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { Provider } from "urql";
import { Route, Switch, useLocation } from "wouter";
import { Layout, Status } from "./components/Layout";
import { makeClient } from "./lib/client";
import { Edition, EditionFigures } from "./pages/Edition";
import { History } from "./pages/History";
import { Home } from "./pages/Home";
import { NotFound } from "./pages/NotFound";
import { Societies } from "./pages/Societies";
import { Society } from "./pages/Society";
import "./styles.css";

const Partner = lazy(() => import("./partner/Partner").then((m) => ({ default: m.Partner })));
const Staff = lazy(() => import("./staff/Staff").then((m) => ({ default: m.Staff })));

const TITLES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\/editions\/(\d{4})/, (m) => `IDoR ${m[1]}`],
  [/^\/history/, () => "History"],
  [/^\/societies\/([^/]+)/, (m) => `Society ${m[1]}`],
  [/^\/societies/, () => "Societies"],
  [/^\/partner/, () => "Partner portal"],
  [/^\/staff/, () => "Staff console"],
];

/** A page title per route, and focus moved to the content after navigation (screen readers announce the page). */
function useRouteEffects() {
  const [location] = useLocation();
  useEffect(() => {
    const hit = TITLES.map(([re, f]) => [re.exec(location), f] as const).find(([m]) => m);
    document.title = `${hit ? hit[1](hit[0]!) + " · " : ""}International Day of Radiology`;
  }, [location]);
}

function App() {
  useRouteEffects();
  return (
    <Layout>
      <Suspense fallback={<Status>Loading…</Status>}>
        <Switch>
          <Route path="/" component={Home} />
          <Route path="/editions/:year">{(p) => <Edition year={Number(p.year)} />}</Route>
          <Route path="/history" component={History} />
          <Route path="/societies" component={Societies} />
          <Route path="/societies/:slug">{(p) => <Society slug={p.slug} />}</Route>
          <Route path="/partner/:tab?" component={Partner} />
          <Route path="/staff/:tab?" component={Staff} />
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Layout>
  );
}

const client = makeClient();
// An edition's figures are what a visitor came for: ask for them now, before React's first render rather than after
// it. The page's own query then finds them in the cache, or joins the request still under way.
const edition = /^\/editions\/(\d{4})\/?$/.exec(window.location.pathname);
if (edition) void client.query(EditionFigures, { year: Number(edition[1]) }).toPromise();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
