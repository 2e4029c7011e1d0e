// Load shedding: at most `maxConcurrent` requests are served at once; the next `maxQueued` wait their turn in order;
// one more is refused at once with 503 OVERLOADED and Retry-After, and so is a request that waited `maxWaitMs` (by
// then its client has likely given up, and serving it late only delays those behind it).
//
// Why a count and not event-loop delay: the hub's requests spend their time waiting for the database (PGlite runs one
// statement at a time, PostgreSQL has a pool), which event-loop delay does not see; requests in flight do. The rule
// is also exact, so a test can drive it deterministically.
import type { RequestHandler, Response } from "express";
import { retryLater } from "../shared/errors.js";

export interface LoadSheddingOptions {
  /** 0: no limit (the gate lets everything through). */
  maxConcurrent: number;
  maxQueued: number;
  maxWaitMs: number;
}

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
}

export function loadShedding(options: LoadSheddingOptions) {
  let active = 0;
  const queue: Waiter[] = [];
  const overloaded = (why: string) =>
    retryLater("OVERLOADED", `The hub is overloaded (${why}); retry in a moment.`, Math.min(options.maxWaitMs, 5_000));

  const release = () => {
    active -= 1;
    while (active < options.maxConcurrent && queue.length > 0) {
      const next = queue.shift()!;
      clearTimeout(next.timer);
      next.admit();
    }
  };

  const enter = (res: Response, next: () => void) => {
    active += 1;
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      release();
    };
    res.once("finish", leave);
    res.once("close", leave);
    next();
  };

  const middleware: RequestHandler = (_req, res, next) => {
    if (options.maxConcurrent <= 0 || active < options.maxConcurrent) return enter(res, next);
    if (queue.length >= options.maxQueued) return next(overloaded(`${active} requests in progress and ${queue.length} waiting`));
    const waiter: Waiter = {
      admit: () => {
        res.off("close", gone);
        enter(res, next);
      },
      timer: setTimeout(() => {
        remove();
        next(overloaded(`no turn within ${options.maxWaitMs} ms`));
      }, options.maxWaitMs),
    };
    const remove = () => {
      const at = queue.indexOf(waiter);
      if (at >= 0) queue.splice(at, 1);
      res.off("close", gone);
    };
    // A client that leaves while waiting gives its place up.
    const gone = () => {
      clearTimeout(waiter.timer);
      remove();
    };
    res.once("close", gone);
    queue.push(waiter);
  };

  return {
    middleware,
    /** Requests being served and waiting, for logs and tests. */
    load: () => ({ active, queued: queue.length }),
  };
}
