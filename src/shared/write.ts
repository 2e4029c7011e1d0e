// How every mutation writes: one transaction; a UserErrorsAbort thrown inside rolls it back and becomes the payload's
// userErrors; a unique-key violation (a race the pre-checks could not see) becomes the given userError. Either way the
// database is left as it was.
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { UserErrorsAbort, type UserError } from "./user-errors.js";

export interface WriteResult<T> {
  result: T | null;
  userErrors: UserError[];
}

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === "23505" || (err as { cause?: { code?: string } }).cause?.code === "23505";

export async function inTransaction<T>(ctx: Context, work: (db: Db) => Promise<T>, onConflict?: UserError): Promise<WriteResult<T>> {
  try {
    return { result: await ctx.db.transaction((tx) => work(tx as unknown as Db)), userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { result: null, userErrors: err.errors };
    if (onConflict && isUniqueViolation(err)) return { result: null, userErrors: [onConflict] };
    throw err;
  }
}
