// Who is calling: derived from the Authorization header on every request, checked against the database each time so
// that a revoked key stops working at once on every replica. No header: the public.
import { and, eq, isNull } from "drizzle-orm";
import type { Viewer } from "../context.js";
import type { Db } from "../db/client.js";
import { apiKeys } from "../db/schema.js";
import { unauthenticated } from "./permissions.js";
import { hashApiKey, prefixOf } from "./api-key.js";


export async function viewerFromAuthorization(db: Db, header: string | undefined): Promise<Viewer> {
  if (header === undefined || header.trim() === "") return { role: "PUBLIC" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <API key>".');
  const secret = match[1]!;
  const prefix = prefixOf(secret);
  if (!prefix) throw unauthenticated("The API key is malformed: check that it was copied whole.");
  const [key] = await db
    .select({ role: apiKeys.role, societyId: apiKeys.societyId, prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashApiKey(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw unauthenticated(`The API key ${prefix}… is unknown or revoked.`);
  if (key.role === "STAFF") return { role: "STAFF", keyPrefix: key.prefix };
  return { role: "PARTNER", societyId: key.societyId!, keyPrefix: key.prefix };
}
