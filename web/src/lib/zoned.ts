// Wall-clock times in an IANA time zone, for events: the forms and the CSV take "2025-11-08T18:00" in the event's
// zone (what an organiser knows), the API wants an instant with its offset (EventInput.startsAt). Intl knows every
// zone's offsets, daylight saving included, so no time-zone library is needed.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True when the browser knows the zone (e.g. "Europe/Vienna"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.trim() !== "";
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetMinutes(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/**
 * "2025-11-08T18:00" in "Europe/Vienna" → "2025-11-08T18:00:00+01:00"; null when the text or the zone is not one.
 * A wall-clock time that does not exist (in the gap when clocks go forward) gets the offset from before the change, so
 * 02:30 on the night summer time starts in Berlin is sent as 02:30+01:00 (03:30 summer time).
 */
export function zonedToInstant(local: string, zone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !isTimeZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  let offset = offsetMinutes(zone, wall);
  offset = offsetMinutes(zone, wall - offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant ("2025-11-08T17:00:00.000Z") as the wall-clock "2025-11-08T18:00" in the zone, for a datetime-local input. */
export function instantToZoned(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  const local = new Date(ms + offsetMinutes(zone, ms) * 60_000).toISOString();
  return local.slice(0, 16);
}

/** The zone the browser runs in, the default for a new event. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
