// The rules of the edition mutations' inputs, one zod schema per input (see src/shared/input-schema.ts). Whether the
// year exists already is the database's to say (ALREADY_EXISTS, UNKNOWN_EDITION).
import * as z from "zod";
import { LIMITS } from "../shared/limits.js";
import { optionalText } from "../shared/input-schema.js";

const L = LIMITS.edition;

const theme = { theme: optionalText(L.theme), themeSource: optionalText(L.themeSource) };

/** CreateEditionInput. */
export const CreateEditionSchema = z.object({
  year: z.number().refine((year) => Number.isInteger(year) && year >= L.firstYear && year <= L.lastYear, {
    params: { code: "OUT_OF_RANGE" },
    error: `year must be from ${L.firstYear} (the first IDoR) to ${L.lastYear}.`,
  }),
  ...theme,
});

/** UpdateEditionInput (the year names the edition and cannot change). */
export const UpdateEditionSchema = z.object(theme);
