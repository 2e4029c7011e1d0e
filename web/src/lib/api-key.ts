// The API key a person signed in with: kept only in this tab's sessionStorage (never localStorage, never a cookie),
// so closing the tab signs out and no other site or tab can read it. The site and the GraphQL IDE share it.
const STORAGE_KEY = "idor-hub.api-key";

export function readApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(STORAGE_KEY, key);
  else sessionStorage.removeItem(STORAGE_KEY);
}

export const authorizationHeader = (key: string | null): Record<string, string> =>
  key ? { authorization: `Bearer ${key}` } : {};
