// What a query asks of a field's result, when a service can read less for it (bench/RESULTS.md, "Third pass").
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * The fields asked of the current field's objects (through inline fragments and fragment spreads, `__typename`
 * aside), sorted, when every one of them is in `allowed`; null when any other is asked. Directives are ignored: a
 * field under `@include(if: false)` still counts, so the answer is never narrower than what execution reads.
 */
export function fieldsAskedWithin(info: GraphQLResolveInfo, allowed: ReadonlySet<string>): string[] | null {
  const asked = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (!allowed.has(name)) return false;
        asked.add(name);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!within(selection.selectionSet)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || !within(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!within(node.selectionSet)) return null;
  return [...asked].sort();
}

/** The fields selected in a selection set, through inline fragments and fragment spreads (directives ignored, as above). */
export function fieldsIn(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (s: SelectionSetNode | undefined) => {
    for (const selection of s?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else walk(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  walk(set);
  return out;
}

/** Does the current field's selection ask for `name` (at its first level)? */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => fieldsIn(info, node.selectionSet).some((f) => f.name.value === name));
}
