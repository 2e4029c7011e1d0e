// The hub's federation entities: which types other subgraphs may reference, by which keys, and how a reference is
// resolved. Every reference goes through the request's DataLoaders (ctx.loaders), so N representations of one type and
// key cost one SQL statement, and through the same visibility rules as node(id:) and every list.
import type { Context } from "../context.js";
import { fromGlobalId, type NodeTypeName } from "../shared/global-id.js";
import { badInput } from "../shared/errors.js";

type Representation = Record<string, unknown> & { __typename: string };

export interface EntityDefinition {
  /** The `@key` field sets, in the order they are printed. */
  keys: string[];
  resolve(ref: Representation, ctx: Context): Promise<object | null> | null;
}

/** A global ID of the expected type, or null (an ID of another type or of nothing is simply not found). */
function localId(ref: Representation, type: NodeTypeName): number | null {
  if (typeof ref.id !== "string") return null;
  const decoded = fromGlobalId(ref.id);
  return decoded && decoded.type === type ? decoded.id : null;
}

function missingKey(ref: Representation, keys: string[]): never {
  throw badInput(`a ${ref.__typename} representation needs one of its keys: ${keys.join(", ")}`, "representations");
}

export const ENTITIES: Record<"Society" | "Edition" | "Activity", EntityDefinition> = {
  Society: {
    keys: ["id", "slug"],
    resolve(ref, ctx) {
      if ("id" in ref) {
        const id = localId(ref, "Society");
        return id === null ? null : ctx.loaders.societyById.load(id);
      }
      if (typeof ref.slug === "string") return ref.slug.length > 64 ? null : ctx.loaders.societyBySlug.load(ref.slug);
      return missingKey(ref, this.keys);
    },
  },
  Edition: {
    keys: ["id", "year"],
    resolve(ref, ctx) {
      if ("id" in ref) {
        const id = localId(ref, "Edition");
        return id === null ? null : ctx.loaders.editionById.load(id);
      }
      if (typeof ref.year === "number") {
        return Number.isInteger(ref.year) && ref.year >= 0 && ref.year <= 100_000 ? ctx.loaders.editionByYear.load(ref.year) : null;
      }
      return missingKey(ref, this.keys);
    },
  },
  Activity: {
    keys: ["id"],
    resolve(ref, ctx) {
      if (!("id" in ref)) return missingKey(ref, this.keys);
      const id = localId(ref, "Activity");
      // activityById applies visibleActivities(viewer): another society's pending activity is null for a partner.
      return id === null ? null : ctx.loaders.activityById.load(id);
    },
  },
};

export function isEntityType(name: unknown): name is keyof typeof ENTITIES {
  return typeof name === "string" && Object.hasOwn(ENTITIES, name);
}
