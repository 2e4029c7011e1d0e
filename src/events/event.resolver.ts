import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { ActivityConnection } from "../activities/activity.type.js";
import { EventFilter } from "./event.inputs.js";
import { listEvents } from "./event.service.js";

@Resolver()
export class EventResolver {
  @Query(() => ActivityConnection, {
    description:
      'Approved activities that are events (they have `event`), in time order: what a frontend shows as "IDoR events near you". Also served as iCalendar at GET /editions/{year}/events.ics.',
  })
  async events(
    @Ctx() ctx: Context,
    @Arg("filter", () => EventFilter, { nullable: true, description: "Conditions the events must meet." })
    filter: EventFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return ActivityConnection.from(await listEvents(ctx, filter, { first, after, last, before }));
  }
}
