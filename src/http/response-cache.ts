// Public GraphQL answers reused until the data they read changes. Every write bumps the database's data_revision
// (triggers, migration 0003), so an answer computed at revision R stays right while the revision is R — on every hub
// process that shares the database. Per request: a revision read (shared with the requests that arrive together,
// src/db/revision.ts) instead of the whole GraphQL pipeline.
// HTTP caches get the same rule: an ETag naming the revision and the request, `Cache-Control: no-cache` (revalidate
// every time), and a conditional request whose ETag still holds is answered 304 without running the query.
// Only anonymous queries are cached: any Authorization header (partners, staff) and any mutation go straight through.
import { createHash } from "node:crypto";
import type express from "express";
import type { Database } from "../db/client.js";
import { RevisionReader } from "../db/revision.js";
import type { Logger } from "../logger.js";

export interface ResponseCacheOptions {
  /** Answers kept (least recently stored dropped first). */
  maxEntries?: number;
  /** Answers larger than this are not kept. */
  maxBodyBytes?: number;
}

interface Entry {
  revision: number;
  contentType: string;
  body: Buffer;
}

/** Text that can only be a query (no mutation or subscription anywhere in the document, even in another operation). */
const WRITES = /\b(mutation|subscription)\b/;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly revisions: RevisionReader,
    options: ResponseCacheOptions = {},
    private readonly logger?: Logger,
  ) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  }

  /** Express middleware for the GraphQL route, after the JSON body parser and before Apollo. */
  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const key = cacheKey(req);
      if (key === null) return next();
      this.revisions
        .current()
        .then((revision) => this.answer(req, res, next, key, revision))
        .catch(() => next()); // the database is unreachable: let the request fail the usual way
    };
  }

  private answer(req: express.Request, res: express.Response, next: express.NextFunction, key: string, revision: number) {
    const etag = `W/"${revision.toString(36)}-${key.slice(0, 24)}"`;
    // The ETag and Cache-Control go only on answers that will be the same for the same request at the same revision:
    // a 200 without errors (a transient error must never be revalidated as if it were the answer).
    const cacheable = () => {
      res.setHeader("ETag", etag);
      res.setHeader("Cache-Control", "public, no-cache");
      res.vary("Authorization");
    };
    const served = (cache: "hit" | "not-modified") =>
      this.logger?.info({ requestId: res.locals.requestId, cache, status: res.statusCode, outcome: "ok" }, "graphql request");
    if (req.method === "GET" && ifNoneMatch(req.header("if-none-match"), etag)) {
      cacheable();
      res.status(304).end();
      return served("not-modified");
    }
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) {
      cacheable();
      res.setHeader("content-type", hit.contentType);
      res.end(hit.body);
      return served("hit");
    }
    // Keep what Apollo sends (the express integration answers with one res.send of the JSON text).
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode === 200 && typeof body === "string" && !body.includes('"errors":')) {
        cacheable();
        const bytes = Buffer.from(body, "utf8");
        const contentType = String(res.getHeader("content-type") ?? "application/json; charset=utf-8");
        if (bytes.length <= this.maxBodyBytes) this.store(key, { revision, contentType, body: bytes });
      }
      return send(body);
    };
    next();
  }

  private store(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The request as a cache key, or null when it must not be cached (credentials, a write, not a GraphQL request). */
function cacheKey(req: express.Request): string | null {
  if (req.header("authorization") !== undefined) return null;
  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  let extensions: unknown;
  if (req.method === "GET") {
    ({ query, variables, operationName, extensions } = req.query as Record<string, unknown>);
  } else if (req.method === "POST" && req.body && typeof req.body === "object" && !Array.isArray(req.body)) {
    ({ query, variables, operationName, extensions } = req.body as Record<string, unknown>);
  } else {
    return null;
  }
  if (typeof query !== "string" || WRITES.test(query)) return null;
  // Accept is part of the request: Apollo answers application/json or application/graphql-response+json by it. So are
  // the extensions: a persisted-query hash that does not match its query must reach Apollo and be refused.
  const text = JSON.stringify([query, variables ?? null, operationName ?? null, extensions ?? null, req.header("accept") ?? null]);
  return createHash("sha256").update(text).digest("base64url");
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === etag || t === "*" || `W/${t}` === etag;
  });
}

/** The middleware for the GraphQL route: the cache with `entries` answers, or a pass-through when entries is 0. */
export function responseCache(
  database: Database,
  entries: number,
  logger?: Logger,
  revisions: RevisionReader = new RevisionReader(database.db),
): express.RequestHandler {
  if (entries === 0) return (_req, _res, next) => next();
  return new ResponseCache(revisions, { maxEntries: entries }, logger).middleware();
}
