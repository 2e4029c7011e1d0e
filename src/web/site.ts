// The web site and the GraphQL IDE, as built by Vite into web/dist (see web/README section in the README).
// Browsers navigating to a page get the site's index.html; the same URLs asked for anything else (curl, fetch, a
// GraphQL client) fall through to the API routes and their JSON answers, so GET /graphql?query=... keeps working.
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { fromRoot } from "../shared/project-root.js";

export interface SiteOptions {
  /** Serve GraphiQL at /graphql to browser navigations. */
  ide: boolean;
  /** The built site (default web/dist). */
  dir?: string;
}

/** The site's page URLs (the client-side router knows the same ones); other HTML navigations get its 404 page. */
const PAGES = [/^\/$/, /^\/editions\/\d{4}\/?$/, /^\/history\/?$/, /^\/societies\/?$/, /^\/societies\/[a-z0-9-]{1,64}\/?$/, /^\/partner(\/[a-z-]*)?\/?$/, /^\/staff(\/[a-z-]*)?\/?$/];

/** True for a browser's page navigation: HTML preferred over JSON (curl and fetch send * / * and get JSON). */
function wantsHtml(req: express.Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && req.accepts(["application/json", "text/html"]) === "text/html";
}

export function siteRoutes(options: SiteOptions): express.Router {
  const dir = options.dir ?? fromRoot("web", "dist");
  const router = express.Router();
  const page = (file: string) => path.join(dir, file);

  const sendPage = (res: express.Response, file: string, status = 200) => {
    if (!fs.existsSync(page(file))) {
      res
        .status(503)
        .type("text/plain")
        .send("The web site is not built. Run `npm run web:build` (npm start builds it when it is missing or stale).\n");
      return;
    }
    // Pages are small and name their hashed assets: always revalidate them, so a new build is picked up at once.
    res.status(status).setHeader("cache-control", "no-cache").sendFile(page(file));
  };

  // The IDE: only for a browser's navigation without a query, so GraphQL over GET (?query=...) is untouched.
  router.get("/graphql", (req, res, next) => {
    if (!options.ide || !wantsHtml(req) || req.query.query !== undefined) return next();
    sendPage(res, "graphiql.html");
  });

  // Hashed file names: safe to cache for a year.
  router.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "365d", index: false }));

  router.use((req, res, next) => {
    if (!wantsHtml(req) || req.path.startsWith("/graphql")) return next();
    if (PAGES.some((p) => p.test(req.path))) return sendPage(res, "index.html");
    // An unknown page: the site renders its "not found" page, with the right status.
    if (!path.extname(req.path)) return sendPage(res, "index.html", 404);
    next();
  });
  return router;
}
