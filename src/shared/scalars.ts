// Scalars from graphql-scalars (a maintained library) rather than hand-written parsing.
import { DateTimeResolver, LocalDateResolver, SafeIntResolver } from "graphql-scalars";

/** An instant, ISO 8601 with offset (e.g. 2020-11-08T09:00:00.000Z). */
export const DateTimeScalar = DateTimeResolver;
/** A calendar date without time or zone, YYYY-MM-DD. */
export const LocalDateScalar = LocalDateResolver;
/** A whole number from -(2^53-1) to 2^53-1: every JSON client holds it exactly. */
export const SafeIntScalar = SafeIntResolver;
