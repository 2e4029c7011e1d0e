// The rules of the society mutations' inputs, one zod schema per input (see src/shared/input-schema.ts). Whether a
// slug is free is the database's to say (ALREADY_EXISTS).
import * as z from "zod";
import { LIMITS } from "../shared/limits.js";
import { countryCode, httpUrl, optionalText, requiredText } from "../shared/input-schema.js";

const L = LIMITS.society;

const slug = z
  .string()
  .trim()
  .refine((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= L.slug, {
    params: { code: "INVALID_FORMAT" },
    error: (i) =>
      `slug must be lower-case letters and digits, words joined by single hyphens, at most ${L.slug} characters (e.g. "dvta"); got ${JSON.stringify(String(i.input).slice(0, 80))}.`,
  });

/** Founded from LIMITS.society.foundedFrom to this year (read when the input is checked). */
const foundedYear = z
  .number()
  .refine((year) => year >= L.foundedFrom && year <= new Date().getUTCFullYear(), {
    params: { code: "OUT_OF_RANGE" },
    error: () => `foundedYear must be from ${L.foundedFrom} to ${new Date().getUTCFullYear()}.`,
  })
  .nullish();

const fields = {
  countryCode: countryCode("DE"),
  website: httpUrl(L.website, "INVALID_URL"),
  foundedYear,
  note: optionalText(L.note),
};

/** CreateSocietyInput. */
export const CreateSocietySchema = z.object({
  slug,
  acronym: requiredText(L.acronym),
  name: requiredText(L.name),
  ...fields,
});

/** UpdateSocietyInput: null for slug, acronym or name keeps the current value. */
export const UpdateSocietySchema = z.object({
  slug: slug.nullish(),
  acronym: requiredText(L.acronym).nullish(),
  name: requiredText(L.name).nullish(),
  ...fields,
});
