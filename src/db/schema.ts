// The one drizzle schema for both engines (PGlite and PostgreSQL). Migrations under schema/migrations are generated
// from it by drizzle-kit (`npm run db:generate`). Integrity lives here: keys, NOT NULL, CHECKs and an index behind every
// foreign key and every pagination order. Nothing newer than PostgreSQL 15.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  ACTIVITY_KINDS,
  API_KEY_ROLES,
  ACTIVITY_STATUSES,
  CHANNELS,
  METRIC_KINDS,
  METRIC_SCOPES,
  PRECISIONS,
  PROFESSIONS,
  SOCIETY_KINDS,
} from "./enums.js";

export const societyKind = pgEnum("society_kind", SOCIETY_KINDS);
export const profession = pgEnum("profession", PROFESSIONS);
export const activityKind = pgEnum("activity_kind", ACTIVITY_KINDS);
export const activityStatus = pgEnum("activity_status", ACTIVITY_STATUSES);
export const metricKind = pgEnum("metric_kind", METRIC_KINDS);
export const channel = pgEnum("channel", CHANNELS);
export const precision = pgEnum("precision", PRECISIONS);
export const metricScope = pgEnum("metric_scope", METRIC_SCOPES);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
};

export const societies = pgTable(
  "societies",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    acronym: text("acronym").notNull(),
    name: text("name").notNull(),
    kind: societyKind("kind").notNull(),
    profession: profession("profession").notNull(),
    countryCode: text("country_code"),
    website: text("website"),
    foundedYear: integer("founded_year"),
    note: text("note"),
    /** Where the society's facts come from. */
    source: text("source"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("societies_slug_key").on(t.slug),
    index("societies_country_code_idx").on(t.countryCode),
    check("societies_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 64`),
    check("societies_acronym_length", sql`length(${t.acronym}) between 1 and 32`),
    check("societies_name_length", sql`length(${t.name}) between 1 and 300`),
    check("societies_country_code_format", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check("societies_website_http", sql`${t.website} ~ '^https?://'`),
    check("societies_founded_year_range", sql`${t.foundedYear} between 1800 and 2200`),
  ],
);

export const editions = pgTable(
  "editions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    year: integer("year").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    theme: text("theme"),
    themeSource: text("theme_source"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("editions_year_key").on(t.year),
    // IDoR is 8 November; the first edition was 2012.
    check("editions_year_range", sql`${t.year} between 2012 and 2200`),
    check("editions_date_is_8_november", sql`${t.date} = make_date(${t.year}, 11, 8)`),
    check("editions_theme_length", sql`length(${t.theme}) between 1 and 500`),
  ],
);

export const activities = pgTable(
  "activities",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    societyId: integer("society_id")
      .notNull()
      .references(() => societies.id, { onDelete: "restrict" }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "restrict" }),
    /** Set by the submitter (or the seed); scoped to the society. Makes retried deliveries harmless. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** Hash of the submitted input: the same key with a different input is refused (IDEMPOTENCY_KEY_REUSED). */
    requestHash: text("request_hash"),
    kind: activityKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    url: text("url"),
    source: text("source"),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    freeAccessUntil: date("free_access_until", { mode: "string" }),
    status: activityStatus("status").notNull().default("SUBMITTED"),
    version: integer("version").notNull().default(1),
    reviewNote: text("review_note"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date", precision: 3 }),
    // An activity that happens at a time and a place. All event columns are null for other activities.
    eventStartsAt: timestamp("event_starts_at", { withTimezone: true, mode: "date", precision: 3 }),
    eventEndsAt: timestamp("event_ends_at", { withTimezone: true, mode: "date", precision: 3 }),
    eventTimeZone: text("event_time_zone"),
    eventVenue: text("event_venue"),
    eventCity: text("event_city"),
    eventCountryCode: text("event_country_code"),
    eventOnline: boolean("event_online"),
    eventJoinUrl: text("event_join_url"),
    /**
     * Staff marked this activity as the same as another (two societies each submitted the one event): its OWN figures
     * measure the other's ground, so figures of the same kind and coverage count once. Always points at an activity
     * that is not itself marked, so there are no chains.
     */
    sameAsActivityId: integer("same_as_activity_id").references((): AnyPgColumn => activities.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    unique("activities_society_idempotency_key").on(t.societyId, t.idempotencyKey),
    // Pagination orders: newest first overall, per society and per edition (these also back the foreign keys).
    index("activities_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("activities_society_created_idx").on(t.societyId, t.createdAt.desc(), t.id.desc()),
    index("activities_edition_created_idx").on(t.editionId, t.createdAt.desc(), t.id.desc()),
    // A society's activities of one edition, newest first (the dashboard's pages, `activities(year:)` under a society):
    // without it PostgreSQL intersected the society's and the edition's index entries (~2,600 per society at the
    // bench's scale) to find ~10 rows.
    index("activities_society_edition_created_idx").on(t.societyId, t.editionId, t.createdAt.desc(), t.id.desc()),
    index("activities_event_starts_idx")
      .on(t.eventStartsAt, t.id)
      .where(sql`${t.eventStartsAt} is not null`),
    check("activities_idempotency_key_length", sql`length(${t.idempotencyKey}) between 1 and 255`),
    check("activities_title_length", sql`length(${t.title}) between 1 and 300`),
    check("activities_description_length", sql`length(${t.description}) <= 10000`),
    check("activities_url_http", sql`${t.url} ~ '^https?://'`),
    check("activities_period_order", sql`${t.endsOn} >= ${t.startsOn}`),
    check("activities_version_positive", sql`${t.version} >= 1`),
    check("activities_review_note_length", sql`length(${t.reviewNote}) <= 2000`),
    check(
      "activities_event_complete",
      sql`(${t.eventStartsAt} is null and ${t.eventEndsAt} is null and ${t.eventTimeZone} is null
          and ${t.eventOnline} is null and ${t.eventVenue} is null and ${t.eventCity} is null
          and ${t.eventCountryCode} is null and ${t.eventJoinUrl} is null)
        or (${t.eventStartsAt} is not null and ${t.eventEndsAt} is not null and ${t.eventTimeZone} is not null
          and ${t.eventOnline} is not null)`,
    ),
    check("activities_event_order", sql`${t.eventEndsAt} >= ${t.eventStartsAt}`),
    check("activities_event_country_code_format", sql`${t.eventCountryCode} ~ '^[A-Z]{2}$'`),
    check("activities_event_join_url_http", sql`${t.eventJoinUrl} ~ '^https?://'`),
    index("activities_same_as_idx").on(t.sameAsActivityId),
    check("activities_not_same_as_itself", sql`${t.sameAsActivityId} <> ${t.id}`),
  ],
);

/**
 * The societies that co-organise an activity with its own (lead) society: one activity, so its figures count once in
 * totals; rankings credit each organiser and say so (coReported). Co-organisers see the activity and may record or
 * remove its figures; the lead society names them.
 */
export const activityCoOrganisers = pgTable(
  "activity_co_organisers",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    societyId: integer("society_id")
      .notNull()
      .references(() => societies.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.societyId] }), index("activity_co_organisers_society_idx").on(t.societyId)],
);

export const metrics = pgTable(
  "metrics",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    kind: metricKind("kind").notNull(),
    /** One channel; null: a named set (`channels`) or, when `channels` is null too, all channels together. */
    channel: channel("channel"),
    /** A named set of two or more channels (2020's mentions: Twitter, Facebook, YouTube and Instagram together). */
    channels: channel("channels").array(),
    /** Not published as such but worked out from published figures (a sum of regional counts): never compared. */
    derived: boolean("derived").notNull().default(false),
    /** The period the figure covers, in words, when no date says it ("first 5 days after release"). */
    window: text("window"),
    /** Why a figure over several channels may be smaller than its channel figures (the source says so). */
    overrideNote: text("override_note"),
    /**
     * Staff marked this figure as the same as another (one webinar co-hosted by two societies, each reporting its
     * registrations): counted once in totals, credited to each society in rankings. Always points at a figure that is
     * not itself marked, so there are no chains.
     */
    sameAsMetricId: integer("same_as_metric_id").references((): AnyPgColumn => metrics.id, { onDelete: "set null" }),
    value: bigint("value", { mode: "number" }).notNull(),
    precision: precision("precision").notNull(),
    scope: metricScope("scope").notNull(),
    asOf: date("as_of", { mode: "string" }),
    source: text("source"),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    // One figure per (activity, kind, channel); "all channels" (null) is one value, hence NULLS NOT DISTINCT (PG 15+).
    unique("metrics_activity_kind_channel_key").on(t.activityId, t.kind, t.channel).nullsNotDistinct(),
    check("metrics_value_range", sql`${t.value} between 0 and 9007199254740991`),
    check("metrics_source_length", sql`length(${t.source}) <= 1000`),
    check("metrics_note_length", sql`length(${t.note}) <= 2000`),
    index("metrics_same_as_idx").on(t.sameAsMetricId),
    // An activity's figures in the order every read gives them (by kind, the all-channels figure first): a page of
    // activities reads each one's figures in index order, without a sort per activity (migration 0009).
    index("metrics_activity_figures_idx").on(t.activityId, t.kind, t.channel.asc().nullsFirst()),
    check("metrics_not_same_as_itself", sql`${t.sameAsMetricId} <> ${t.id}`),
    check("metrics_window_length", sql`length(${t.window}) <= 300`),
    check("metrics_channels_named_set", sql`${t.channels} is null or (${t.channel} is null and cardinality(${t.channels}) >= 2)`),
  ],
);

export type SocietyRow = typeof societies.$inferSelect;
export type EditionRow = typeof editions.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type MetricRow = typeof metrics.$inferSelect;

export const apiKeyRole = pgEnum("api_key_role", API_KEY_ROLES);

/** API keys: only a hash of the secret is stored, with a short non-secret prefix that identifies the key. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    role: apiKeyRole("role").notNull(),
    societyId: integer("society_id").references(() => societies.id, { onDelete: "restrict" }),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("api_keys_prefix_key").on(t.prefix),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    index("api_keys_society_idx").on(t.societyId),
    index("api_keys_created_idx").on(t.createdAt.desc(), t.id.desc()),
    check("api_keys_partner_has_society", sql`(${t.role} = 'PARTNER') = (${t.societyId} is not null)`),
    check("api_keys_label_length", sql`length(${t.label}) between 1 and 200`),
  ],
);

/**
 * A change to an APPROVED activity waits here for review; until it is approved the activity row and its metrics stay
 * what the public sees and summaries count. `proposed` is the whole proposed state (fields, event, metrics).
 */
export const activityChanges = pgTable(
  "activity_changes",
  {
    activityId: integer("activity_id")
      .primaryKey()
      .references(() => activities.id, { onDelete: "cascade" }),
    proposed: jsonb("proposed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
);

/** Append-only record of every successful write: who, what, when, and the values before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: text("request_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    actorRole: text("actor_role").notNull(),
    actorKeyPrefix: text("actor_key_prefix"),
    actorSocietyId: integer("actor_society_id").references(() => societies.id, { onDelete: "restrict" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: integer("target_id").notNull(),
    /** The society the target belongs to (partners read the entries of their own society). */
    societyId: integer("society_id").references(() => societies.id, { onDelete: "restrict" }),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_society_idx").on(t.societyId, t.id.desc()),
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.id.desc()),
    index("audit_log_actor_society_idx").on(t.actorSocietyId),
    check("audit_log_actor_role", sql`${t.actorRole} in ('PARTNER', 'STAFF', 'SYSTEM')`),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

/**
 * One row: a number that every write to the data summaries read increases (database triggers, so no write path can
 * forget it). Summary caches in any hub process are keyed by it, which keeps them correct across replicas.
 */
export const dataRevision = pgTable(
  "data_revision",
  {
    id: boolean("id").primaryKey().default(true),
    revision: bigint("revision", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_revision_single_row", sql`${t.id}`)],
);

/**
 * Rate-limit counters shared by every hub process on one PostgreSQL database (rate-limiter-flexible's drizzle store:
 * one row per limiter key and window). Unlogged in the migration: counters need no crash safety and no WAL.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true, mode: "date", precision: 3 }),
});

/** Societies an edition names as its partners (2020's umbrella partners), each link with its source. */
export const editionPartners = pgTable(
  "edition_partners",
  {
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    societyId: integer("society_id")
      .notNull()
      .references(() => societies.id, { onDelete: "restrict" }),
    role: text("role").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    unique("edition_partners_key").on(t.editionId, t.societyId),
    index("edition_partners_society_idx").on(t.societyId),
    check("edition_partners_role_length", sql`length(${t.role}) between 1 and 100`),
    check("edition_partners_source_length", sql`length(${t.source}) between 1 and 1000`),
  ],
);
