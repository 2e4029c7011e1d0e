// What a page of activities must read for what the query asks of its nodes (bench/RESULTS.md, "Fourth pass"). A
// page whose nodes are asked only for fields answered from the activity's own columns (and `metrics` with plain
// figure columns) reads only those columns and its figures as text in the page's own statement; anything else asked
// (`event`, `reviewNote`, `pendingChange`, `sameAs`, …) keeps the whole-row read.
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { activities } from "../db/schema.js";
import { METRIC_COLUMN_FIELDS } from "../metrics/metric.service.js";
import { fieldsAlong, namesWithin } from "../shared/selection.js";

type ActivityKey = keyof typeof activities.$inferSelect;

/** Activity fields answered from these columns alone: its own columns, and the resolvers that read only a key. */
const COLUMNS_OF_FIELD = new Map<string, ActivityKey>([
  ...(["kind", "title", "description", "url", "source", "startsOn", "endsOn", "freeAccessUntil", "status", "version", "createdAt", "updatedAt"] as const).map(
    (field) => [field, field] as [string, ActivityKey],
  ),
  ["id", "id"],
  ["society", "societyId"],
  ["edition", "editionId"],
  ["metrics", "id"],
]);

/** What a narrowed page reads: the activity columns (property keys) and, when embedded, the figure columns. */
export interface ActivityShape {
  /** Sorted, always with id and createdAt (the cursor's key). */
  columns: ActivityKey[];
  /** The figure fields when `metrics` is asked only for plain columns; null when it is not asked or asked for more. */
  figures: string[] | null;
  /** Distinguishes the pages' loaders: pages read for different shapes are different statements. */
  key: string;
}

/** Shapes by the field's nodes in the parsed document (Apollo keeps one document per query text): a field under a list
 * (activities of each of 20 societies) is worked out once, not per parent and per request. */
const shapes = new WeakMap<readonly FieldNode[], ActivityShape | null>();

/** The shape of a connection of activities as this field asks it; null when its nodes ask for more than columns. */
export function activityShape(info: GraphQLResolveInfo): ActivityShape | null {
  const known = shapes.get(info.fieldNodes);
  if (known !== undefined) return known;
  const shape = shapeOf(info);
  shapes.set(info.fieldNodes, shape);
  return shape;
}

function shapeOf(info: GraphQLResolveInfo): ActivityShape | null {
  const fields = fieldsAlong(info, ["edges", "node"]);
  const columns = new Set<ActivityKey>(["id", "createdAt"]);
  for (const field of fields) {
    const name = field.name.value;
    if (name === "__typename") continue;
    const column = COLUMNS_OF_FIELD.get(name);
    if (!column) return null;
    columns.add(column);
  }
  const figureFields = fields.filter((field) => field.name.value === "metrics");
  const figures = figureFields.length > 0 ? namesWithin(figureFields, info.fragments, METRIC_COLUMN_FIELDS) : null;
  const sorted = [...columns].sort();
  return { columns: sorted, figures, key: `${sorted.join(",")};${figures?.join(",") ?? ""}` };
}
