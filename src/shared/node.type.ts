import { Field, ID, InterfaceType } from "type-graphql";
import type { NodeTypeName } from "./global-id.js";

/** Rows handed to an interface-typed field carry their GraphQL type name under this key. */
export const NODE_TYPE = Symbol("nodeType");

export function asNode<T extends object>(type: NodeTypeName, row: T): T {
  return Object.assign(row, { [NODE_TYPE]: type });
}

@InterfaceType("Node", {
  description: "An object with a global ID, refetchable through `node(id:)` (Relay Global Object Identification).",
  resolveType: (value: Record<symbol, unknown>) => value[NODE_TYPE] as string,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID of the object: pass it to `node(id:)` to fetch it again." })
  id!: string;
}
