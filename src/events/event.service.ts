// IDoR events: approved activities that happen at a time and a place, in time order. Public by nature: even staff and
// partners see only approved events here (their own pending ones are in `activities`).
import { and, asc, eq, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Context } from "../context.js";
import { activities, editions, type ActivityRow } from "../db/schema.js";
import { badInput } from "../shared/errors.js";
import { decodeTimeIdKey, pageRequest, timeIdKey, timeIdValues, keysetPage, type Page, type PageArgs } from "../shared/pagination.js";
import { countryCodeArg, instantArg } from "../shared/validate.js";
import type { ActivityEvent } from "../activities/activity.type.js";
import { eventStateOf } from "../activities/activity.state.js";
import type { EventFilter } from "./event.inputs.js";

const CURSOR_TAG = "e";
const decodeKey = decodeTimeIdKey(CURSOR_TAG);

/** The GraphQL shape of an activity's event (DateTime scalars serialise the ISO instants). */
export function eventOf(row: ActivityRow): ActivityEvent | null {
  return eventStateOf(row) as ActivityEvent | null;
}

function eventConditions(filter: EventFilter | null | undefined): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(activities.status, "APPROVED"), isNotNull(activities.eventStartsAt)];
  if (filter?.year != null) {
    conditions.push(sql`${activities.editionId} = (select ${editions.id} from ${editions} where ${editions.year} = ${filter.year})`);
  }
  if (filter?.countryCode != null) {
    conditions.push(eq(activities.eventCountryCode, countryCodeArg(filter.countryCode, "filter.countryCode")));
  }
  if (filter?.online != null) conditions.push(eq(activities.eventOnline, filter.online));
  if (filter?.from) instantArg(filter.from, "filter.from");
  if (filter?.to) instantArg(filter.to, "filter.to");
  if (filter?.from && filter?.to && filter.from.getTime() > filter.to.getTime()) {
    throw badInput("filter.from must not be after filter.to", "filter.from");
  }
  if (filter?.from) conditions.push(sql`${activities.eventEndsAt} >= ${filter.from.toISOString()}::timestamptz`);
  if (filter?.to) conditions.push(lt(activities.eventStartsAt, filter.to));
  return and(...conditions);
}

export async function listEvents(ctx: Context, filter: EventFilter | null | undefined, args: PageArgs): Promise<Page<ActivityRow>> {
  const request = pageRequest(args, decodeKey);
  const where = eventConditions(filter);
  const keyset = { columns: [activities.eventStartsAt, activities.id], direction: "asc" as const, values: timeIdValues };
  const query = { from: activities, where, keyset };
  return keysetPage(ctx.db, query, request, (row) => timeIdKey(CURSOR_TAG, row.eventStartsAt!, row.id));
}

/** Every approved event of one edition, in time order (for the iCalendar feed). */
export function eventsOfEdition(ctx: Context, editionId: number): Promise<ActivityRow[]> {
  return ctx.db
    .select()
    .from(activities)
    .where(and(eq(activities.editionId, editionId), eq(activities.status, "APPROVED"), isNotNull(activities.eventStartsAt)))
    .orderBy(asc(activities.eventStartsAt), asc(activities.id));
}

