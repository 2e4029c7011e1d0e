// API key format and hashing. A key is `idor_` + 8 prefix characters + `_` + 43 characters of secret (32 random
// bytes, base64url): 256 bits of entropy. Only a SHA-256 hash is stored (a slow password hash adds nothing for a
// random 256-bit secret), with the prefix `idor_XXXXXXXX` that identifies a key in lists, logs and the audit trail.
import { createHash, randomBytes } from "node:crypto";

const KEY_FORMAT = /^idor_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

export interface NewKey {
  secret: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): NewKey {
  const prefixBytes = randomBytes(8);
  const prefixChars = [...prefixBytes].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join("");
  const secret = `idor_${prefixChars}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: `idor_${prefixChars}`, secretHash: hashApiKey(secret) };
}

/** The prefix of a well-formed key, or null when the text cannot be one of our keys. */
export function prefixOf(secret: string): string | null {
  const match = KEY_FORMAT.exec(secret);
  return match ? `idor_${match[1]}` : null;
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export const API_KEY_FORMAT_HELP = "an API key looks like idor_XXXXXXXX_ followed by 43 characters";
