// Expected failures of mutations come back as data: `userErrors { field code message }`, where `field` is the path to
// the bad input (["input", "activities", "3", "metrics", "0", "value"]) and `code` comes from this closed list.
import { Field, ObjectType, registerEnumType } from "type-graphql";

export const USER_ERROR_CODES = {
  REQUIRED: "A required value is missing or empty.",
  TOO_LONG: "A text is longer than allowed; the message gives the limit.",
  INVALID_FORMAT: "A value does not have the expected form (slug, country code, time zone, key...).",
  INVALID_URL: "A URL is not an absolute http or https URL.",
  OUT_OF_RANGE: "A number or date is outside the allowed range (e.g. a negative metric value).",
  OUTSIDE_EDITION_WINDOW: "A date does not fit the edition: see the message for the edition's window.",
  END_BEFORE_START: "An end (date or time) lies before its start.",
  DUPLICATE: "The same item appears twice in one input (e.g. two metrics with the same kind and channel).",
  UNKNOWN_EDITION: "There is no edition of that year.",
  UNKNOWN_SOCIETY: "There is no society with that slug.",
  NOT_FOUND: "The target does not exist or is not visible to the caller.",
  ALREADY_EXISTS: "Something with that unique value (slug, year) exists already.",
  STALE_VERSION: "expectedVersion is not the current version: someone changed the target since it was read. Nothing was written.",
  IDEMPOTENCY_KEY_REUSED: "The idempotency key was used before with a different input. Nothing was written.",
  INVALID_STATE: "The action does not apply to the target in its current state (e.g. reviewing an activity with nothing to review).",
  TOO_MANY: "A list has more items than allowed.",
  INCONSISTENT_FIGURES:
    "An activity's figure over several channels (all, or a named set) is smaller than the sum of its own figures on those channels, for the same kind and scope. Correct it, or give overrideNote when a source really says so.",
  AMBIGUOUS_MEASURE:
    "A figure's kind and coverage do not say one measure (e.g. COUNTRIES on Twitter, MENTIONS in print): give it under the kind that says what it counts, or over the coverage the kind is meant for.",
} as const;
export type UserErrorCode = keyof typeof USER_ERROR_CODES;

const UserErrorCodeEnum = Object.fromEntries(Object.keys(USER_ERROR_CODES).map((k) => [k, k])) as Record<UserErrorCode, UserErrorCode>;
registerEnumType(UserErrorCodeEnum, {
  name: "UserErrorCode",
  description: "Why an input was refused. The closed list of codes a mutation's userErrors can carry.",
  valuesConfig: Object.fromEntries(
    Object.entries(USER_ERROR_CODES).map(([k, description]) => [k, { description }]),
  ) as Record<UserErrorCode, { description: string }>,
});

@ObjectType("UserError", {
  description: "An input the mutation refused. When a payload has userErrors, nothing was written.",
})
export class UserError {
  @Field(() => [String], {
    description: 'Path to the refused input value, e.g. ["input", "metrics", "0", "value"]; list indexes are strings.',
  })
  field!: string[];

  @Field(() => UserErrorCodeEnum, { description: "Machine-readable reason." })
  code!: UserErrorCode;

  @Field(() => String, { description: "What is wrong and how to fix it, for a developer." })
  message!: string;
}

/** Collects the problems of one input; `at(...)` narrows the path for nested values. */
export class Issues {
  constructor(
    readonly list: UserError[] = [],
    private readonly base: string[] = [],
  ) {}

  at(...path: Array<string | number>): Issues {
    return new Issues(this.list, [...this.base, ...path.map(String)]);
  }

  add(code: UserErrorCode, message: string, ...path: Array<string | number>): void {
    this.list.push({ field: [...this.base, ...path.map(String)], code, message });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** Thrown inside a transaction to roll it back and answer with userErrors instead. */
export class UserErrorsAbort extends Error {
  constructor(readonly errors: UserError[]) {
    super("user errors");
  }

  /** The one refusal of a write: the input at `field` is refused with `code` and `message`. */
  static at(field: string[], code: UserErrorCode, message: string): UserErrorsAbort {
    return new UserErrorsAbort([{ field, code, message }]);
  }

  /** The write's expectedVersion is not the target's version: someone changed it since the caller read it. */
  static staleVersion(field: string[], what: string, current: number, expected: number): UserErrorsAbort {
    const message = `The ${what} is at version ${current}, not ${expected}: read it again, reapply your change and retry. Nothing was written.`;
    return UserErrorsAbort.at(field, "STALE_VERSION", message);
  }
}
