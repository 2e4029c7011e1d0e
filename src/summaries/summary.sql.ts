// The SQL of edition summaries: which figures count (approved activities, or staff's preview of pending ones) with
// their provenance, and how many activities, societies and countries an edition has. The counting rules themselves
// live in one pure module (counting.ts) that summaries and rankings apply to these rows, so the rules are written once
// and tested by properties. Earlier editions' figures come along for the comparisons, which need only their values and
// regions: their provenance (co-organisers, marks, source, note) is left out, which the bench's cold summary measures.
import { sql, type SQL } from "drizzle-orm";

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
