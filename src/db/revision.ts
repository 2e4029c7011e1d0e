// The database's data revision (every committed write bumps it, migration 0004), read for cached answers: the response
// cache and the summary cache compare it with the revision an answer was computed at.
//
// Single flight: callers that arrive together share one `select revision`, but a caller never takes a read that
// started before it arrived - that read may have begun before a write the caller must see committed. So a caller joins
// the read that has not started yet, or starts one; while a read is running, new callers wait for the next one, which
// starts as soon as the running one ends. At most one read runs and one waits, whatever the number of requests, and
// the guarantee holds: a write committed before a request arrived is seen by a read that starts after it arrived, on
// every hub process (each reads the shared primary).
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "./client.js";

export class RevisionReader {
  private running: Promise<number> | null = null;
  private waiting: Promise<number> | null = null;
  /** Statements sent (tests and the bench read it). */
  reads = 0;

  constructor(private readonly db: Db) {}

  /** A revision read that started after this call. */
  current(): Promise<number> {
    if (this.waiting) return this.waiting;
    if (!this.running) return this.start();
    const settle = () => undefined;
    const waiting = this.running.then(settle, settle).then(() => {
      this.waiting = null;
      return this.start();
    });
    this.waiting = waiting;
    return waiting;
  }

  private start(): Promise<number> {
    this.reads += 1;
    const read = this.db
      .execute(sql`select revision from data_revision`)
      .then((result) => Number(rowsOf<{ revision: unknown }>(result)[0]?.revision ?? 0));
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}
