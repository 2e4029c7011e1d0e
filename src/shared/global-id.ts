// Opaque Relay global IDs: base64url("Type:key"). Clients must treat them as opaque strings.

export const NODE_TYPES = ["Society", "Edition", "Activity", "Metric"] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export interface DecodedId {
  type: NodeTypeName;
  id: number;
}

/** Decodes a global ID; null when it is well-formed base64 of something that is not one of ours. */
export function fromGlobalId(globalId: string): DecodedId | null {
  if (globalId.length === 0 || globalId.length > 64 || !/^[A-Za-z0-9_-]+={0,2}$/.test(globalId)) return null;
  const text = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(text);
  if (!match) return null;
  const type = match[1] as NodeTypeName;
  const id = Number(match[2]);
  if (!NODE_TYPES.includes(type) || id > 2_147_483_647) return null;
  return { type, id };
}
