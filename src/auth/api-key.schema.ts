// The rules of the API-key mutations' inputs (see src/shared/input-schema.ts). Whether the society exists is the
// service's to say (UNKNOWN_SOCIETY).
import * as z from "zod";
import { LIMITS } from "../shared/limits.js";
import { issue } from "../shared/input-schema.js";

/** IssueApiKeyInput: a partner key names its society, a staff key none. */
export const IssueApiKeySchema = z
  .object({
    role: z.string(),
    societySlug: z.string().nullish(),
    label: z
      .string()
      .trim()
      .min(1, { error: 'label must say whom the key is for, e.g. "DVTA web team".' })
      .max(LIMITS.apiKey.label),
  })
  .check((ctx) => {
    const { role, societySlug } = ctx.value;
    if (role === "PARTNER" && societySlug == null) {
      ctx.issues.push({ ...issue("REQUIRED", societySlug, "A partner key belongs to one society: give societySlug."), path: ["societySlug"] });
    } else if (role !== "PARTNER" && societySlug != null) {
      ctx.issues.push({ ...issue("INVALID_FORMAT", societySlug, "A staff key belongs to no society: omit societySlug."), path: ["societySlug"] });
    }
  });
