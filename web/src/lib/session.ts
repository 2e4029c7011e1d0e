// Who is signed in, for the partner portal and the staff console: the key lives in sessionStorage (see api-key.ts);
// the role and society come from the hub's `viewer` field, never from the key's text.
import { useCallback, useState } from "react";
import { readApiKey, storeApiKey } from "./api-key";

export function useApiKey(): [string | null, (key: string | null) => void] {
  const [key, setKey] = useState(readApiKey());
  const update = useCallback((next: string | null) => {
    storeApiKey(next);
    setKey(next);
  }, []);
  return [key, update];
}
