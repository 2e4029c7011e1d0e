// A long computation on the event loop, in pieces: while one request's summary counts 180,000 figures, the others
// are still served (and its own time budget can still fire) between the pieces. Node runs JavaScript on one thread;
// a piece is as long as the work between two checks, so the callers count work in units of about the same cost.

/** Counts units of work; after every `every` of them, `due()` says it is time to `pause()` for the event loop. */
export class Pacer {
  private since = 0;
  /** How many times it paused (for tests and measurements). */
  pauses = 0;

  constructor(private readonly every: number) {}

  /** Counts `units` more done; true when `every` have been done since the last pause. */
  due(units = 1): boolean {
    this.since += units;
    return this.since >= this.every;
  }

  /** Lets the event loop serve what waits (I/O, timers), then resumes. */
  pause(): Promise<void> {
    this.since = 0;
    this.pauses++;
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/** `list.map(fn)`, pausing as the pacer says (one unit per item). */
export async function mapPaced<T, U>(list: readonly T[], fn: (item: T) => U, pacer: Pacer): Promise<U[]> {
  const out = new Array<U>(list.length);
  for (let i = 0; i < list.length; i++) {
    out[i] = fn(list[i]!);
    if (pacer.due()) await pacer.pause();
  }
  return out;
}
