// Relay connection types. Each list gets its own Edge and Connection type built from the item's type.
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Page } from "./pagination.js";

@ObjectType("PageInfo", { description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, {
    description:
      "Reading forward (`first`): true when more items follow this page (pass endCursor as `after`). Reading backward " +
      "(`last`): true when the page was requested with `before`, i.e. items followed it when the cursor was issued.",
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description:
      "Reading backward (`last`): true when more items come before this page (pass startCursor as `before`). Reading " +
      "forward (`first`): true when the page was requested with `after`, i.e. items came before it when the cursor was issued.",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when it is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when it is empty." })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** An edge whose cursor is encoded when a query reads it (graphql's default resolver reads the getter). */
class LazyEdge<T> {
  constructor(
    private readonly page: Page<T>,
    private readonly index: number,
    readonly node: T,
  ) {}

  get cursor(): string {
    return this.page.cursorAt(this.index);
  }
}

export function connectionType<T extends object>(name: string, itemType: ClassType, itemDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${itemDescription} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item: pass it as `after` to read the items after it, or as `before` for those before it." })
    cursor!: string;

    @Field(() => itemType, { description: `The ${itemDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${itemDescription}s (Relay cursor connection).` })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page, in the list's order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo!: PageInfo;

    private countFn!: () => Promise<number>;

    @Field(() => Int, { description: "How many items the whole list has (with the same filters), across all pages." })
    totalCount(): Promise<number> {
      return this.countFn();
    }

    static from(page: Page<T>): Connection {
      const c = new Connection();
      c.edges = page.nodes.map((node, i) => new LazyEdge(page, i, node));
      const last = page.nodes.length - 1;
      c.pageInfo = {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        get startCursor() {
          return last >= 0 ? page.cursorAt(0) : null;
        },
        get endCursor() {
          return last >= 0 ? page.cursorAt(last) : null;
        },
      };
      c.countFn = page.totalCount;
      return c;
    }
  }
  return Connection;
}
