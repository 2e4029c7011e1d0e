// The SQL of edition summaries. All grouping and aggregation happens in the database; JavaScript only maps the few
// aggregated rows (one per kind and channel) to GraphQL objects. The double-counting rules, in order:
//   1. per activity and kind, an all-channels figure contains that activity's per-channel figures: the larger of the
//      all-channels figure and the sum of the channel figures counts, not both;
//   2. OWN figures of different activities add up;
//   3. CAMPAIGN figures measure the same campaign: the largest counts;
//   4. the edition's total is the larger of the campaign-wide figure and the societies' own sum;
//   5. non-additive kinds (PARTICIPATING_SOCIETIES, COUNTRIES, LANGUAGES) are never summed: the largest counts.
// Precision ranks EXACT 0 < AT_LEAST 1 < ESTIMATE 2; a value takes the largest rank of the figures it is made of (a
// maximum is made of the figure(s) that reach it).
import { sql, type SQL } from "drizzle-orm";
import { NON_ADDITIVE_KINDS } from "./figures.js";

const nonAdditive = sql.raw(`(${NON_ADDITIVE_KINDS.map((k) => `'${k}'`).join(", ")})`);
const rank = (column: SQL) => sql`(case ${column} when 'EXACT' then 0 when 'AT_LEAST' then 1 else 2 end)`;

/**
 * Figures that count, one row per metric: (year, activity, society, kind, channel, value, prank, scope).
 * Public: metrics of APPROVED activities. Preview (staff): as if every SUBMITTED activity and every pending change
 * of an APPROVED one were approved.
 */
export function figuresCte(maxYear: number, includePending: boolean): SQL {
  const approvedPlain = includePending
    ? sql`(a.status = 'SUBMITTED' or (a.status = 'APPROVED' and not exists (select 1 from activity_changes c where c.activity_id = a.id)))`
    : sql`a.status = 'APPROVED'`;
  const pending = includePending
    ? sql`union all
      select e.year, a.id, a.society_id, x.kind::text, x.channel::text, x.value, ${rank(sql`x.precision`)}, x.scope::text
      from activities a
      join editions e on e.id = a.edition_id
      join activity_changes c on c.activity_id = a.id
      cross join lateral jsonb_to_recordset(c.proposed -> 'metrics')
        as x(kind text, channel text, value bigint, precision text, scope text)
      where a.status = 'APPROVED' and e.year <= ${maxYear}`
    : sql``;
  return sql`figures (year, activity_id, society_id, kind, channel, value, prank, scope) as (
      select e.year, a.id, a.society_id, m.kind::text, m.channel::text, m.value, ${rank(sql`m.precision`)}, m.scope::text
      from activities a
      join editions e on e.id = a.edition_id
      join metrics m on m.activity_id = a.id
      where ${approvedPlain} and e.year <= ${maxYear}
      ${pending}
    )`;
}

/** Activities that count, with their (possibly proposed) kind. */
function activitiesCte(editionId: number, includePending: boolean): SQL {
  const where = includePending ? sql`a.status in ('APPROVED', 'SUBMITTED')` : sql`a.status = 'APPROVED'`;
  const kind = includePending
    ? sql`coalesce((select c.proposed ->> 'kind' from activity_changes c where c.activity_id = a.id and a.status = 'APPROVED'), a.kind::text)`
    : sql`a.kind::text`;
  return sql`counted as (
      select a.id, a.society_id, ${kind} as kind, s.country_code
      from activities a join societies s on s.id = a.society_id
      where a.edition_id = ${editionId} and ${where}
    )`;
}

/** Activity counts: one row per kind plus a grand total row (kind null) with distinct societies and countries. */
export function countsQuery(editionId: number, includePending: boolean): SQL {
  return sql`with ${activitiesCte(editionId, includePending)}
    select kind, count(*)::int as activities, count(distinct society_id)::int as societies,
      count(distinct country_code)::int as countries
    from counted
    group by grouping sets ((kind), ())
    order by kind nulls first`;
}

/**
 * Totals of every edition up to `year`, per kind (channel null) and per (kind, channel), with each row's previous
 * figure (the most recent earlier edition that has the same figure) and the best of all earlier editions; only the
 * rows of `year` are returned.
 */
export function totalsQuery(year: number, includePending: boolean): SQL {
  return sql`with ${figuresCte(year, includePending)},
    f1 as (
      select *, max(value) over (partition by activity_id, kind, scope) as act_max from figures
    ),
    per_activity_raw as (
      select year, activity_id, kind, scope,
        max(value) filter (where channel is null) as all_v,
        max(prank) filter (where channel is null) as all_p,
        sum(value) filter (where channel is not null) as ch_v,
        max(prank) filter (where channel is not null) as ch_p,
        max(value) as max_v,
        max(prank) filter (where value = act_max) as max_p
      from f1 group by year, activity_id, kind, scope
    ),
    per_activity as (
      select year, activity_id, kind, scope,
        case when kind in ${nonAdditive} then max_v else greatest(all_v, ch_v) end as v,
        case
          when kind in ${nonAdditive} then max_p
          when all_v is null or ch_v > all_v then ch_p
          when ch_v is null or all_v > ch_v then all_p
          else greatest(all_p, ch_p)
        end as p
      from per_activity_raw
    ),
    pa as (select *, max(v) over (partition by year, kind, scope) as scope_max from per_activity),
    kind_level as (
      select year, kind, null::text as channel,
        case when kind in ${nonAdditive} then max(v) filter (where scope = 'OWN') else sum(v) filter (where scope = 'OWN') end as own_v,
        case when kind in ${nonAdditive} then max(p) filter (where scope = 'OWN' and v = scope_max)
             else max(p) filter (where scope = 'OWN') end as own_p,
        max(v) filter (where scope = 'CAMPAIGN') as camp_v,
        max(p) filter (where scope = 'CAMPAIGN' and v = scope_max) as camp_p
      from pa group by year, kind
    ),
    fc as (
      select *, max(value) over (partition by year, kind, channel, scope) as scope_max from figures where channel is not null
    ),
    channel_level as (
      select year, kind, channel,
        case when kind in ${nonAdditive} then max(value) filter (where scope = 'OWN') else sum(value) filter (where scope = 'OWN') end,
        case when kind in ${nonAdditive} then max(prank) filter (where scope = 'OWN' and value = scope_max)
             else max(prank) filter (where scope = 'OWN') end,
        max(value) filter (where scope = 'CAMPAIGN'),
        max(prank) filter (where scope = 'CAMPAIGN' and value = scope_max)
      from fc group by year, kind, channel
    ),
    levels as (select * from kind_level union all select * from channel_level),
    totals as (
      select year, kind, channel, own_v, own_p, camp_v, camp_p,
        greatest(own_v, camp_v) as total_v,
        case
          when camp_v is null or own_v > camp_v then own_p
          when own_v is null or camp_v > own_v then camp_p
          else greatest(own_p, camp_p)
        end as total_p
      from levels
    ),
    series as (
      select *,
        lag(year) over w as prev_year,
        lag(total_v) over w as prev_v,
        lag(total_p) over w as prev_p,
        max(total_v) over (w rows between unbounded preceding and 1 preceding) as prior_max
      from totals
      window w as (partition by kind, channel order by year)
    )
    select kind, channel, own_v::text as own_v, own_p, camp_v::text as camp_v, camp_p, total_v::text as total_v, total_p,
      prev_year, prev_v::text as prev_v, prev_p, prior_max::text as prior_max
    from series
    where year = ${year}
    order by kind, channel nulls first`;
}

/**
 * OWN figures of one kind by society (or by country): with channel null, each activity counts its kind value under
 * rule 1; with a channel, that channel's figure. Non-additive kinds take the largest figure (and its precision)
 * instead of a sum.
 */
export function rankingQuery(year: number, includePending: boolean, kind: string, channel: string | null, by: "society" | "country"): SQL {
  const own = sql`year = ${year} and scope = 'OWN' and kind = ${kind}`;
  const perActivity = channel === null
    ? sql`select activity_id, society_id,
          case when ${kind} in ${nonAdditive} then max(value) else greatest(max(value) filter (where channel is null), sum(value) filter (where channel is not null)) end as v,
          case
            when ${kind} in ${nonAdditive} then max(prank) filter (where value = act_max)
            when max(value) filter (where channel is null) is null
              or sum(value) filter (where channel is not null) > max(value) filter (where channel is null)
              then max(prank) filter (where channel is not null)
            when sum(value) filter (where channel is not null) is null
              or max(value) filter (where channel is null) > sum(value) filter (where channel is not null)
              then max(prank) filter (where channel is null)
            else max(prank)
          end as p
        from (select *, max(value) over (partition by activity_id) as act_max from figures where ${own}) f
        group by activity_id, society_id`
    : sql`select activity_id, society_id, value as v, prank as p from figures where ${own} and channel = ${channel}`;
  const key = by === "society" ? sql`pa.society_id::text` : sql`s.country_code`;
  return sql`with ${figuresCte(year, includePending)},
    pa as (${perActivity}),
    keyed as (
      select ${key} as key, pa.society_id, pa.v, pa.p, max(pa.v) over (partition by ${key}) as key_max
      from pa join societies s on s.id = pa.society_id
    ),
    grouped as (
      select key, count(distinct society_id)::int as societies,
        case when ${kind} in ${nonAdditive} then max(v) else sum(v) end as v,
        case when ${kind} in ${nonAdditive} then max(p) filter (where v = key_max) else max(p) end as p
      from keyed group by key
    )
    select key, societies, v::text as value, p as prank, (sum(v) over ())::text as total
    from grouped
    order by v desc, key`;
}
