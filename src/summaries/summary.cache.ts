// The summary cache of one app (never module-level: two apps in one process must not answer each other's summaries).
// Entries are keyed by what they summarise and stamped with the data revision they were computed at; a least
// recently used entry goes first when the cache is full (lru-cache). One request may add only a few entries: past
// that it computes what it needs for itself, so a single request cannot flush what other callers rely on.
import { LRUCache } from "lru-cache";
import { HubError } from "../shared/errors.js";
import type { RevisionReader } from "../db/revision.js";
import { DEFAULT_LIMITS } from "../http/limits.config.js";

interface Entry {
  revision: number;
  value: Promise<unknown>;
}

export class SummaryCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    maxEntries: number,
    private readonly perRequest: number,
    /** The app's shared reader of the data revision (src/db/revision.ts); without it each request reads its own. */
    readonly revisions?: RevisionReader,
    /** Figures a summary with the figures behind its totals may load (Limits.summaryMaxFigures). */
    readonly maxFigures: number = DEFAULT_LIMITS.summaryMaxFigures,
  ) {
    this.entries = new LRUCache<string, Entry>({ max: maxEntries });
  }

  get size(): number {
    return this.entries.size;
  }

  forRequest(signal: AbortSignal): SummaryCacheScope {
    return new SummaryCacheScope(this.entries, this.perRequest, signal, this.revisions, this.maxFigures);
  }
}

const timedOut = (err: unknown) => err instanceof HubError && err.extensions.code === "REQUEST_TIMEOUT";

export class SummaryCacheScope {
  private added = 0;
  /** What this request computed beyond its share of the cache, so that it still computes each thing once. */
  private readonly own = new Map<string, Promise<unknown>>();

  constructor(
    private readonly entries: LRUCache<string, Entry>,
    private readonly perRequest: number,
    private readonly signal: AbortSignal,
    readonly revisions?: RevisionReader,
    readonly maxFigures: number = DEFAULT_LIMITS.summaryMaxFigures,
  ) {}

  /** Is `key` cached at `revision` (in the app's cache or this request's own)? */
  has(key: string, revision: number): boolean {
    return this.entries.peek(key)?.revision === revision || this.own.has(`${revision}:${key}`);
  }

  get<T>(key: string, revision: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.revision === revision) {
      // Computed by another request whose client left: its statements were cancelled, ours need not be.
      return (hit.value as Promise<T>).catch((err) => {
        if (timedOut(err) && !this.signal.aborted) return compute();
        throw err;
      });
    }
    const ownKey = `${revision}:${key}`;
    const mine = this.own.get(ownKey);
    if (mine) return mine as Promise<T>;
    const value = compute();
    if (this.added < this.perRequest) {
      this.added += 1;
      this.entries.set(key, { revision, value });
      value.catch(() => {
        if (this.entries.peek(key)?.value === value) this.entries.delete(key);
      });
    } else {
      this.own.set(ownKey, value);
    }
    return value;
  }
}
