// Whether a figure's kind, coverage and scope say one measure (issue 9: "an unknown or ambiguous measure is refused
// with a clear userError rather than filed under the nearest kind"). Kept apart from the other input checks so that
// it reads as one rule set. Two kinds of combination do not say what was counted:
//   1. An edition-wide count (participating societies, countries, languages) on a channel or a named set: "countries
//      on Twitter" could be the countries taking part or the countries the posts reached. Those kinds count the
//      edition (or, OWN, one activity) as a whole, so they cover all channels.
//   2. A social-media measure (mentions, posts, feed reach, page likes, new followers) on a channel that has no posts,
//      feeds, pages or followers (print, in person, email): "mentions in print" are press articles, "posts by email"
//      newsletters. Such a number measures something else, which the kind would misname.
import type { Channel, MetricKind } from "../db/enums.js";
import type { Issues } from "../shared/user-errors.js";

const WHOLE_EDITION: ReadonlySet<MetricKind> = new Set(["PARTICIPATING_SOCIETIES", "COUNTRIES", "LANGUAGES"]);
const SOCIAL_ONLY: ReadonlySet<MetricKind> = new Set(["MENTIONS", "POSTS", "FEED_REACH", "PAGE_LIKES", "NEW_FOLLOWERS"]);
const NOT_SOCIAL: ReadonlySet<Channel> = new Set(["PRINT", "IN_PERSON", "EMAIL"]);

interface Measure {
  kind: MetricKind;
  channel: Channel | null;
  channels: Channel[] | null;
}

/** The reason a figure's measure is ambiguous, or null when its kind and coverage say one measure. */
export function ambiguity(m: Measure): { field: "channel" | "channels"; message: string } | null {
  const field = m.channel !== null ? "channel" : "channels";
  const named = m.channel !== null ? [m.channel] : (m.channels ?? []);
  if (WHOLE_EDITION.has(m.kind) && named.length > 0) {
    return {
      field,
      message: `${m.kind} on ${named.join(", ")} does not say what was counted (taking part, or reached there?): ${m.kind} counts the edition or the activity as a whole; give it without channel or channels.`,
    };
  }
  const odd = named.filter((c) => NOT_SOCIAL.has(c));
  if (SOCIAL_ONLY.has(m.kind) && odd.length > 0) {
    return {
      field,
      message: `${m.kind} is a social-media measure and ${odd.join(", ")} has no posts, feeds or pages: a number there counts something else (press articles, attendees, recipients). Give it under the kind that says what it counts (e.g. PARTICIPANTS), or leave it out.`,
    };
  }
  return null;
}

/** Adds AMBIGUOUS_MEASURE for every figure whose measure is ambiguous, at its metric index. */
export function checkMeasures(figures: readonly Measure[], issues: Issues): void {
  figures.forEach((m, i) => {
    const problem = ambiguity(m);
    if (problem) issues.at("metrics", i).add("AMBIGUOUS_MEASURE", problem.message, problem.field);
  });
}
