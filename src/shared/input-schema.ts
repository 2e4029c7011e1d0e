// Mutation inputs are checked with zod: each domain keeps one schema per input in its `*.schema.ts`, for the rules that
// need nothing but the input (lengths, formats, ranges, repeats); rules that need the database or the edition stay in
// the services. This module turns zod's issues into userErrors: built-in checks get our code and wording from their
// kind (a string too long is TOO_LONG, an empty one REQUIRED, a list too long TOO_MANY), and a custom check names its
// code in `params.code`. Paths become lists of strings below the collector's base (["input", "metrics", "0", "value"]).
import * as z from "zod";
import { shown } from "./limits.js";
import { isHttpUrl, isTimeZone, normaliseCountryCode } from "./text.js";
import type { Issues, UserErrorCode } from "./user-errors.js";

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** The input's last named part ("value" in metrics.0.value): what our messages call it. */
function fieldOf(issue: { path?: PropertyKey[] }): string {
  const named = (issue.path ?? []).filter((p) => typeof p === "string");
  return String(named[named.length - 1] ?? "input");
}

const excerpt = (value: unknown, max: number) => JSON.stringify(String(value).slice(0, max));

function codeOf(issue: Issue): UserErrorCode {
  switch (issue.code) {
    case "custom":
      return (issue.params?.code as UserErrorCode | undefined) ?? "INVALID_FORMAT";
    case "too_big":
      return issue.origin === "string" ? "TOO_LONG" : issue.origin === "array" ? "TOO_MANY" : "OUT_OF_RANGE";
    case "too_small":
      return (issue.origin === "string" || issue.origin === "array") && Number(issue.minimum) === 1 ? "REQUIRED" : "OUT_OF_RANGE";
    case "invalid_type":
      return issue.input == null ? "REQUIRED" : "INVALID_FORMAT";
    default:
      return "INVALID_FORMAT";
  }
}

/** Our wording for zod's built-in checks; a schema's own `error` or message wins over it. */
function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  const field = fieldOf(issue);
  const length = (issue.input as { length?: number } | undefined)?.length;
  switch (codeOf(issue)) {
    case "REQUIRED":
      return issue.code === "too_small" && issue.origin === "array" ? `${field} must name at least one item.` : `${field} must not be empty.`;
    case "TOO_LONG":
      return `${field} must be at most ${shown(Number((issue as { maximum?: number }).maximum))} characters; it has ${shown(length ?? 0)}.`;
    case "TOO_MANY":
      return `${field} may have at most ${shown(Number((issue as { maximum?: number }).maximum))} items; it has ${shown(length ?? 0)}.`;
    case "OUT_OF_RANGE":
      return `${field} is out of range; got ${excerpt(issue.input, 40)}.`;
    case "INVALID_URL": {
      const max = issue.code === "custom" ? (issue.params?.maximum as number | undefined) : undefined;
      return `${field} must be an absolute http:// or https:// URL${max ? ` of at most ${shown(max)} characters` : ""}; got ${excerpt(issue.input, 100)}.`;
    }
    default:
      return undefined;
  }
}

/**
 * Checks `value` against `schema` and adds every problem to `issues` (at its base path). Returns whether the value
 * passed: callers may go on to the rules that need the database, so that one answer names all problems at once.
 */
export function checkInput(schema: z.ZodType, value: unknown, issues: Issues): boolean {
  const result = schema.safeParse(value, { error: messageOf, reportInput: true });
  if (result.success) return true;
  for (const issue of result.error.issues) issues.add(codeOf(issue), issue.message, ...issue.path.map(String));
  return false;
}

/** A custom issue with our code; without a message, the wording above applies. */
export const issue = (code: UserErrorCode, input: unknown, message?: string, maximum?: number): z.core.$ZodRawIssue =>
  ({ code: "custom", params: { code, maximum }, input, ...(message ? { message } : {}) }) as z.core.$ZodRawIssue;

// ---- rules several domains share ---------------------------------------------------------------------------------

/** A text that must not be blank, at most `max` characters once trimmed. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional text (null or blank means none), at most `max` characters once trimmed. */
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** An optional absolute http(s) URL of at most `max` characters (a longer one is `tooLong`). */
export const httpUrl = (max: number, tooLong: UserErrorCode = "TOO_LONG") =>
  z
    .string()
    .trim()
    .check((ctx) => {
      const url = ctx.value;
      if (url === "") return;
      if (url.length > max) {
        ctx.issues.push(tooLong === "TOO_LONG" ? { code: "too_big", origin: "string", maximum: max, inclusive: true, input: url } : issue(tooLong, url, undefined, max));
      } else if (!isHttpUrl(url)) ctx.issues.push(issue("INVALID_URL", url));
    })
    .nullish();

/** An optional ISO 3166-1 alpha-2 country code (any case; blank means none). */
export const countryCode = (example: string) =>
  z
    .string()
    .refine((code) => code.trim() === "" || normaliseCountryCode(code) !== null, {
      params: { code: "INVALID_FORMAT" },
      error: (i) => `countryCode must be an ISO 3166-1 alpha-2 code such as ${example}; got ${excerpt(i.input, 20)}.`,
    })
    .nullish();

/** An IANA time zone such as Europe/Vienna. */
export const timeZone = () =>
  z.string().refine((zone) => isTimeZone(zone.trim()), {
    params: { code: "INVALID_FORMAT" },
    error: (i) => `timeZone must be an IANA time zone such as Europe/Vienna or Asia/Tokyo; got ${excerpt(i.input, 60)}.`,
  });
