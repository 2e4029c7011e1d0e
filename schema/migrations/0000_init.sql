CREATE TYPE "public"."activity_kind" AS ENUM('BOOK', 'E_BOOK', 'PUBLIC_LECTURE', 'SCIENTIFIC_MEETING', 'WEBINAR', 'LECTURE_PACKAGE', 'OPEN_DAY', 'PRESS_RELEASE', 'MEDIA_APPEARANCE', 'SOCIAL_MEDIA_CAMPAIGN', 'PHOTO_SERIES', 'CONTEST', 'VIDEO', 'POSTER', 'EVENT', 'QUIZ', 'DEMONSTRATION', 'AWARDS_CEREMONY', 'FUNDRAISING', 'COMMUNITY_OUTREACH', 'MICROSITE', 'PATIENT_INFORMATION', 'EXPERIENCE_REPORTS', 'CAMPAIGN_REPORT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('TWITTER', 'FACEBOOK', 'INSTAGRAM', 'YOUTUBE', 'LINKEDIN', 'WEBSITE', 'ONLINE_PLATFORM', 'EMAIL', 'PRINT', 'IN_PERSON', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."metric_kind" AS ENUM('MENTIONS', 'IMPRESSIONS', 'REACH', 'ENGAGEMENTS', 'VIEWS', 'DOWNLOADS', 'REGISTRATIONS', 'PARTICIPANTS', 'LECTURES', 'REPORTS_RECEIVED', 'NEW_FOLLOWERS', 'PARTICIPATING_SOCIETIES', 'COUNTRIES', 'LANGUAGES');--> statement-breakpoint
CREATE TYPE "public"."metric_scope" AS ENUM('OWN', 'CAMPAIGN');--> statement-breakpoint
CREATE TYPE "public"."precision" AS ENUM('EXACT', 'AT_LEAST', 'ESTIMATE');--> statement-breakpoint
CREATE TYPE "public"."profession" AS ENUM('RADIOLOGY', 'RADIOGRAPHY', 'MIXED');--> statement-breakpoint
CREATE TYPE "public"."society_kind" AS ENUM('FOUNDING_PARTNER', 'INTERNATIONAL', 'NATIONAL', 'SUBSPECIALTY');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"society_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"url" text,
	"source" text,
	"starts_on" date,
	"ends_on" date,
	"free_access_until" date,
	"status" "activity_status" DEFAULT 'SUBMITTED' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"event_starts_at" timestamp (3) with time zone,
	"event_ends_at" timestamp (3) with time zone,
	"event_time_zone" text,
	"event_venue" text,
	"event_city" text,
	"event_country_code" text,
	"event_online" boolean,
	"event_join_url" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_society_idempotency_key" UNIQUE("society_id","idempotency_key"),
	CONSTRAINT "activities_idempotency_key_length" CHECK (length("activities"."idempotency_key") between 1 and 255),
	CONSTRAINT "activities_title_length" CHECK (length("activities"."title") between 1 and 300),
	CONSTRAINT "activities_description_length" CHECK (length("activities"."description") <= 10000),
	CONSTRAINT "activities_url_http" CHECK ("activities"."url" ~ '^https?://'),
	CONSTRAINT "activities_period_order" CHECK ("activities"."ends_on" >= "activities"."starts_on"),
	CONSTRAINT "activities_version_positive" CHECK ("activities"."version" >= 1),
	CONSTRAINT "activities_event_complete" CHECK (("activities"."event_starts_at" is null and "activities"."event_ends_at" is null and "activities"."event_time_zone" is null
          and "activities"."event_online" is null and "activities"."event_venue" is null and "activities"."event_city" is null
          and "activities"."event_country_code" is null and "activities"."event_join_url" is null)
        or ("activities"."event_starts_at" is not null and "activities"."event_ends_at" is not null and "activities"."event_time_zone" is not null
          and "activities"."event_online" is not null)),
	CONSTRAINT "activities_event_order" CHECK ("activities"."event_ends_at" >= "activities"."event_starts_at"),
	CONSTRAINT "activities_event_country_code_format" CHECK ("activities"."event_country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "activities_event_join_url_http" CHECK ("activities"."event_join_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"theme" text,
	"theme_source" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_year_range" CHECK ("editions"."year" between 2012 and 2200),
	CONSTRAINT "editions_date_is_8_november" CHECK ("editions"."date" = make_date("editions"."year", 11, 8)),
	CONSTRAINT "editions_theme_length" CHECK (length("editions"."theme") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "metrics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"activity_id" integer NOT NULL,
	"kind" "metric_kind" NOT NULL,
	"channel" "channel",
	"value" bigint NOT NULL,
	"precision" "precision" NOT NULL,
	"scope" "metric_scope" NOT NULL,
	"as_of" date,
	"source" text,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_activity_kind_channel_key" UNIQUE NULLS NOT DISTINCT("activity_id","kind","channel"),
	CONSTRAINT "metrics_value_range" CHECK ("metrics"."value" between 0 and 9007199254740991),
	CONSTRAINT "metrics_source_length" CHECK (length("metrics"."source") <= 1000),
	CONSTRAINT "metrics_note_length" CHECK (length("metrics"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "societies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "societies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"acronym" text NOT NULL,
	"name" text NOT NULL,
	"kind" "society_kind" NOT NULL,
	"profession" "profession" NOT NULL,
	"country_code" text,
	"website" text,
	"founded_year" integer,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "societies_slug_format" CHECK ("societies"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("societies"."slug") <= 64),
	CONSTRAINT "societies_acronym_length" CHECK (length("societies"."acronym") between 1 and 32),
	CONSTRAINT "societies_name_length" CHECK (length("societies"."name") between 1 and 300),
	CONSTRAINT "societies_country_code_format" CHECK ("societies"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "societies_website_http" CHECK ("societies"."website" ~ '^https?://'),
	CONSTRAINT "societies_founded_year_range" CHECK ("societies"."founded_year" between 1800 and 2200)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_society_id_societies_id_fk" FOREIGN KEY ("society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_created_idx" ON "activities" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_society_created_idx" ON "activities" USING btree ("society_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_edition_created_idx" ON "activities" USING btree ("edition_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_event_starts_idx" ON "activities" USING btree ("event_starts_at","id") WHERE "activities"."event_starts_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "editions_year_key" ON "editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "societies_slug_key" ON "societies" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "societies_country_code_idx" ON "societies" USING btree ("country_code");