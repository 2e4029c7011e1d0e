// The SQL of edition summaries: which figures count (approved activities, or staff's preview of pending ones) with
// their provenance, and how many activities, societies and countries an edition has. The counting rules themselves
// live in one pure module (counting.ts) that summaries and rankings apply to these rows, so the rules are written once
// and tested by properties. Earlier editions' figures come along for the comparisons, which need only their values and
// regions: their provenance (co-organisers, marks, source, note) is left out, which the bench's cold summary measures.
import { sql, type SQL } from "drizzle-orm";
import { NON_ADDITIVE } from "./counting.js";

/**
 * The ground an OWN figure measures: the activity of the figure it was marked the same as, else its own; either way
 * the activity that one is marked the same as, if any (marks point at unmarked targets: one level each).
 */
function part(same: SQL, sameActivity: SQL): SQL {
  return sql`case when ${same}.id is not null then coalesce(${sameActivity}.same_as_activity_id, ${sameActivity}.id)
    else coalesce(a.same_as_activity_id, a.id) end`;
}

/** Reported by several: a figure or activity mark either way, or co-organising societies. */
function coReported(metric: SQL, detailed: SQL): SQL {
  return sql`case when ${detailed} then (${metric}.same_as_metric_id is not null
    or exists (select 1 from metrics f where ${metric}.id is not null and f.same_as_metric_id = ${metric}.id)
    or a.same_as_activity_id is not null
    or exists (select 1 from activities t where t.same_as_activity_id = a.id)
    or co.ids is not null) else false end`;
}

/** The co-organising societies and their countries, in the same order (rankings credit each of them); null: none. */
const coOrganisers = sql`co.ids as co_organiser_ids, co.countries as co_organiser_countries`;
/** Looked up for the detailed rows only (the edition summarised), so earlier editions cost no lookups. */
function coOrganisersJoin(detailed: SQL): SQL {
  return sql`left join lateral (
      select array_agg(o.society_id order by o.society_id) as ids, array_agg(os.country_code order by o.society_id) as countries
      from activity_co_organisers o join societies os on os.id = o.society_id where ${detailed} and o.activity_id = a.id
    ) co on true`;
}

/**
 * Figures that count, one row per metric. Public: metrics of APPROVED activities. Preview (staff): as if every
 * SUBMITTED activity and every pending change of an APPROVED one were approved. The edition `maxYear` comes with its
 * provenance; earlier editions' rows carry null source, asOf, window, note and co-organisers and coReported false (the
 * comparisons read only their values, precisions, scopes, channels, marks and derived flags).
 */
export function figuresQuery(maxYear: number, includePending: boolean): SQL {
  const detailed = sql`e.year = ${maxYear}`;
  const ifDetailed = (column: SQL) => sql`case when ${detailed} then ${column} end`;
  const approvedPlain = includePending
    ? sql`(a.status = 'SUBMITTED' or (a.status = 'APPROVED' and not exists (select 1 from activity_changes c where c.activity_id = a.id)))`
    : sql`a.status = 'APPROVED'`;
  // A pending change's figure keeps the marks of the stored figure it replaces (same activity, kind and channel), so
  // the preview counts it once with its twin, as the public summary will after approval.
  const pending = includePending
    ? sql`union all
      select e.year, null::int, a.id, ${part(sql`same`, sql`sa`)}, ${coReported(sql`cur`, detailed)},
        a.society_id, s.country_code, ${coOrganisers}, x.kind, x.channel,
        case when jsonb_typeof(x.channels) = 'array' then array(select jsonb_array_elements_text(x.channels) order by 1) end,
        x.value::text, x.precision, x.scope, coalesce(x.derived, false), ${ifDetailed(sql`x.source`)}, ${ifDetailed(sql`x."asOf"`)},
        ${ifDetailed(sql`x."window"`)}, ${ifDetailed(sql`x.note`)}
      from activities a
      join editions e on e.id = a.edition_id
      join societies s on s.id = a.society_id
      join activity_changes c on c.activity_id = a.id
      cross join lateral jsonb_to_recordset(c.proposed -> 'metrics')
        as x(kind text, channel text, channels jsonb, value bigint, precision text, scope text, derived boolean, source text, "asOf" text, "window" text, note text)
      left join metrics cur on cur.activity_id = a.id and cur.kind::text = x.kind and cur.channel::text is not distinct from x.channel
      left join metrics same on same.id = cur.same_as_metric_id
      left join activities sa on sa.id = same.activity_id
      ${coOrganisersJoin(detailed)}
      where a.status = 'APPROVED' and e.year <= ${maxYear}`
    : sql``;
  return sql`select e.year, m.id as metric_id, a.id as activity_id,
      ${part(sql`same`, sql`sa`)} as part_activity_id, ${coReported(sql`m`, detailed)} as co_reported,
      a.society_id, s.country_code, ${coOrganisers}, m.kind::text as kind,
      m.channel::text as channel, m.channels::text[] as channels, m.value::text as value, m.precision::text as precision,
      m.scope::text as scope, m.derived, ${ifDetailed(sql`m.source`)} as source, ${ifDetailed(sql`m.as_of::text`)} as as_of,
      ${ifDetailed(sql`m."window"`)} as "window", ${ifDetailed(sql`m.note`)} as note
    from activities a
    join editions e on e.id = a.edition_id
    join societies s on s.id = a.society_id
    join metrics m on m.activity_id = a.id
    left join metrics same on same.id = m.same_as_metric_id
    left join activities sa on sa.id = same.activity_id
    ${coOrganisersJoin(detailed)}
    where ${approvedPlain} and e.year <= ${maxYear}
    ${pending}
    order by 1, 3, 2`;
}

/**
 * The public figures as far as totals need them (summary.rows.ts, CountedFigure), for a summary asked without the
 * figures behind its totals or rankings: no provenance, co-organisers or co-reporting lookups, and of the source only
 * its first character (`!source` is all the totals read: "unsourced"). Same figures, same order as `figuresQuery`
 * (the order decides ties between equal alternatives).
 */
export function countingFiguresQuery(maxYear: number): SQL {
  return sql`select e.year, ${part(sql`same`, sql`sa`)} as part_activity_id, m.kind::text as kind,
      m.channel::text as channel, m.channels::text[] as channels, m.value::text as value, m.precision::text as precision,
      m.scope::text as scope, m.derived, case when e.year = ${maxYear} then left(m.source, 1) end as source
    from activities a
    join editions e on e.id = a.edition_id
    join metrics m on m.activity_id = a.id
    left join metrics same on same.id = m.same_as_metric_id
    left join activities sa on sa.id = same.activity_id
    where a.status = 'APPROVED' and e.year <= ${maxYear}
    order by e.year, a.id, m.id`;
}

/**
 * `countingFiguresQuery` with the common shape added up in PostgreSQL, so that a large edition ships thousands of rows
 * instead of a row per figure (bench/RESULTS.md, "Fifth pass"). A part (an activity, or the activity its figures were
 * marked the same as) of an additive kind is "packed" when its OWN figures are an all-channels figure at most and one
 * figure per channel, no two on one channel, none of them zero or below, and its all-channels figure is not equal to
 * its channels' sum (a tie is decided by the figures' order, which stays with the rules). Under the counting rules
 * (counting.ts) such a part, for every set of channels the campaign-wide figures leave free, takes its all-channels
 * figure when that set is everything and it is the larger side, else its figures on the free channels; and leaves the
 * total incomplete exactly when its all-channels figure is not taken and the free channels it covers do not make up
 * every channel. So all packed parts of one edition and kind that have the same channels, the same all-channels figure
 * or none, and the same larger side, act as one part whose figures are their sums per channel (precision the least
 * certain, derived if any is, sourced if all are): one row per such group and channel (`packed` true, a negative part
 * that no activity has). Every other figure (campaign-wide ones, parts of other shapes, non-additive kinds) comes as a
 * row of its own, as from `countingFiguresQuery` and in its order; a packed group's row sorts at its first figure.
 * `source` is '+' for a sourced row of the edition summarised (the totals read only whether there is one). A packed
 * sum may exceed 2^53 - 1; the caller then counts from `countingFiguresQuery` (summary.service.ts), so that the error
 * names the same total. Marks are looked up only for marked figures (most are not), instead of joining every metric.
 */
export function packedCountingFiguresQuery(maxYear: number): SQL {
  const bit = sql`(1 << (array_position((select enum_range(null::channel)), channel) - 1))`;
  return sql`with figures as (
      select e.year, a.id as activity_id, m.id as metric_id,
        case when m.same_as_metric_id is null then coalesce(a.same_as_activity_id, a.id)
          else (select coalesce(sa.same_as_activity_id, sa.id) from metrics same join activities sa on sa.id = same.activity_id
            where same.id = m.same_as_metric_id) end as part,
        m.kind, m.channel, m.channels, m.value, m.precision, m.scope, m.derived,
        e.year = ${maxYear} and coalesce(m.source, '') <> '' as sourced
      from activities a
      join editions e on e.id = a.edition_id
      join metrics m on m.activity_id = a.id
      where a.status = 'APPROVED' and e.year <= ${maxYear}
    ),
    parts as (
      select year, kind, part, count(*) filter (where channel is null) as alls, coalesce(bit_or(${bit}), 0) as channel_mask,
        bool_and(channels is null and value > 0) and count(*) filter (where channel is null) <= 1
          and coalesce(bit_or(${bit}), 0) = coalesce(sum(${bit}), 0)
          and coalesce(sum(value) filter (where channel is null) <> coalesce(sum(value) filter (where channel is not null), 0), true) as packed,
        coalesce(sum(value) filter (where channel is null) > coalesce(sum(value) filter (where channel is not null), 0), false) as takes_all
      from figures
      where scope = 'OWN' and kind::text not in (${sql.raw([...NON_ADDITIVE].map((k) => `'${k}'`).join(", "))})
      group by year, kind, part
    )
    select f.year, case when p.packed then -(p.channel_mask * 4 + p.alls * 2 + p.takes_all::int) - 1 else min(f.part) end as part_activity_id,
      f.kind::text as kind, f.channel::text as channel, f.channels::text[] as channels, sum(f.value)::text as value,
      max(f.precision)::text as precision, f.scope::text as scope, bool_or(f.derived) as derived,
      case when bool_and(f.sourced) then '+' end as source, coalesce(p.packed, false) as packed
    from figures f
    left join parts p on p.year = f.year and p.kind = f.kind and p.part = f.part and f.scope = 'OWN'
    group by f.year, f.kind, f.scope, f.channel, f.channels, p.packed, p.channel_mask, p.alls, p.takes_all,
      case when p.packed then null else f.metric_id end
    order by f.year, min(f.activity_id), min(f.metric_id)`;
}

/**
 * How many stored figures `figuresQuery` would read (its pending changes' figures aside): counted before it runs, so
 * that a summary too large to list its figures is refused instead of loaded (Limits.summaryMaxFigures).
 */
export function figureCountQuery(maxYear: number, includePending: boolean): SQL {
  const statuses = includePending ? sql`('APPROVED', 'SUBMITTED')` : sql`('APPROVED')`;
  return sql`select count(*)::int as n from metrics m join activities a on a.id = m.activity_id join editions e on e.id = a.edition_id
    where a.status in ${statuses} and e.year <= ${maxYear}`;
}

/** Every edition's year up to `maxYear` (to name the years a comparison skips). */
export function editionYearsQuery(maxYear: number): SQL {
  return sql`select year from editions where year <= ${maxYear} order by year`;
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

/**
 * Activity counts: one row per kind plus a grand total row (kind null) with distinct societies and countries, counting
 * an activity's co-organising societies (and their countries) as taking part.
 */
export function countsQuery(editionId: number, includePending: boolean): SQL {
  return sql`with ${activitiesCte(editionId, includePending)},
    organisers as (
      select k.id, k.kind, k.society_id, k.country_code from counted k
      union all
      select k.id, k.kind, o.society_id, os.country_code
      from counted k join activity_co_organisers o on o.activity_id = k.id join societies os on os.id = o.society_id
    )
    select kind, count(distinct id)::int as activities, count(distinct society_id)::int as societies,
      count(distinct country_code)::int as countries
    from organisers
    group by grouping sets ((kind), ())
    order by kind nulls first`;
}
