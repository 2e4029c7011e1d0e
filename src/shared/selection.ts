// What a query asks of a field's result, when a service can read less for it (bench/RESULTS.md, "Third pass" and
// "Fourth pass").
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

type Fragments = GraphQLResolveInfo["fragments"];

/** The fields of a selection set, through inline fragments and fragment spreads. Directives are ignored: a field under
 * `@include(if: false)` still counts, so what a service reads is never narrower than what execution asks. */
function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments, out: FieldNode[]): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, fragments, out);
    else {
      const fragment = fragments[selection.name.value];
      if (fragment) fieldsOf(fragment.selectionSet, fragments, out);
    }
  }
  return out;
}

/**
 * The fields asked below the current field along `path` (field names, not aliases): `["edges", "node"]` gives every
 * field asked of a connection's nodes, from all its edges selections. `[]` gives the current field's own fields.
 */
export function fieldsAlong(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    nodes = nodes.flatMap((node) => fieldsOf(node.selectionSet, info.fragments, []).filter((f) => f.name.value === step));
  }
  return nodes.flatMap((node) => fieldsOf(node.selectionSet, info.fragments, []));
}

/**
 * The names of the fields asked of the objects of the given fields (`__typename` aside), sorted, when every one of
 * them is in `allowed`; null when any other is asked.
 */
export function namesWithin(nodes: readonly FieldNode[], fragments: Fragments, allowed: ReadonlySet<string>): string[] | null {
  const asked = new Set<string>();
  for (const node of nodes) {
    for (const field of fieldsOf(node.selectionSet, fragments, [])) {
      const name = field.name.value;
      if (name === "__typename") continue;
      if (!allowed.has(name)) return null;
      asked.add(name);
    }
  }
  return [...asked].sort();
}

/** The fields asked of the current field's objects, sorted, when every one is in `allowed`; null otherwise. */
export function fieldsAskedWithin(info: GraphQLResolveInfo, allowed: ReadonlySet<string>): string[] | null {
  return namesWithin(info.fieldNodes, info.fragments, allowed);
}

/** The fields selected in a selection set, through inline fragments and fragment spreads (directives ignored, as above). */
export function fieldsIn(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): FieldNode[] {
  return fieldsOf(set, info.fragments, []);
}

/** Does the current field's selection ask for `name` (at its first level)? */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => fieldsIn(info, node.selectionSet).some((f) => f.name.value === name));
}
