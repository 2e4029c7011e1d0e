// Small argument checks shared by the read filters.
import { badInput } from "./errors.js";

export function countryCodeArg(value: string, argument: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) {
    throw badInput(`${argument} must be an ISO 3166-1 alpha-2 country code such as DE; got "${value.slice(0, 20)}"`, argument);
  }
  return value.toUpperCase();
}

/** A LIKE pattern that matches `text` literally anywhere (%, _ and \ escaped). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An instant PostgreSQL can store and compare: years 1 to 9999. */
export function instantArg(value: Date, argument: string): Date {
  const year = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || year < 1 || year > 9999) {
    throw badInput(`${argument} must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z`, argument);
  }
  return value;
}
