-- Figures staff can defend (issue 9). One kind per measure: POSTS, FEED_REACH and PAGE_LIKES join the metric kinds.
-- The enum is recreated rather than extended (ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds it,
-- and the data fixes below use the new values in the same migration).
ALTER TYPE "public"."metric_kind" RENAME TO "metric_kind_before_0004";--> statement-breakpoint
CREATE TYPE "public"."metric_kind" AS ENUM('MENTIONS', 'POSTS', 'IMPRESSIONS', 'REACH', 'FEED_REACH', 'ENGAGEMENTS', 'PAGE_LIKES', 'VIEWS', 'DOWNLOADS', 'REGISTRATIONS', 'PARTICIPANTS', 'LECTURES', 'REPORTS_RECEIVED', 'NEW_FOLLOWERS', 'PARTICIPATING_SOCIETIES', 'COUNTRIES', 'LANGUAGES');--> statement-breakpoint
ALTER TABLE "metrics" ALTER COLUMN "kind" TYPE "public"."metric_kind" USING "kind"::text::"public"."metric_kind";--> statement-breakpoint
DROP TYPE "public"."metric_kind_before_0004";--> statement-breakpoint
CREATE TABLE "edition_partners" (
	"edition_id" integer NOT NULL,
	"society_id" integer NOT NULL,
	"role" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "edition_partners_key" UNIQUE("edition_id","society_id"),
	CONSTRAINT "edition_partners_role_length" CHECK (length("edition_partners"."role") between 1 and 100),
	CONSTRAINT "edition_partners_source_length" CHECK (length("edition_partners"."source") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "channels" "channel"[];--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "derived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "window" text;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "override_note" text;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "same_as_metric_id" integer;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_same_as_metric_id_metrics_id_fk" FOREIGN KEY ("same_as_metric_id") REFERENCES "public"."metrics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_same_as_idx" ON "metrics" USING btree ("same_as_metric_id");--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_not_same_as_itself" CHECK ("metrics"."same_as_metric_id" <> "metrics"."id");--> statement-breakpoint
ALTER TABLE "societies" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "edition_partners" ADD CONSTRAINT "edition_partners_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_partners" ADD CONSTRAINT "edition_partners_society_id_societies_id_fk" FOREIGN KEY ("society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_partners_society_idx" ON "edition_partners" USING btree ("society_id");--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_window_length" CHECK (length("metrics"."window") <= 300);--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_channels_named_set" CHECK ("metrics"."channels" is null or ("metrics"."channel" is null and cardinality("metrics"."channels") >= 2));
--> statement-breakpoint
-- Landed seed data that said more than its sources (issue 9, point 6). Each fix matches the seeded row exactly
-- (activity key, kind, channel, value), so a figure anyone has since changed is left alone.
UPDATE "metrics" m SET "kind" = 'POSTS' FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2017:results:esr'
  AND m."kind" = 'MENTIONS' AND m."channel" = 'TWITTER' AND m."value" = 5200;--> statement-breakpoint
UPDATE "metrics" m SET "kind" = 'FEED_REACH', "precision" = 'ESTIMATE' FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2017:results:esr'
  AND m."kind" = 'REACH' AND m."channel" = 'TWITTER' AND m."value" = 24300000;--> statement-breakpoint
UPDATE "metrics" m SET "kind" = 'PAGE_LIKES' FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2017:facebook:esr'
  AND m."kind" = 'ENGAGEMENTS' AND m."channel" = 'FACEBOOK' AND m."value" = 7800;--> statement-breakpoint
UPDATE "metrics" m SET "window" = 'the first 5 days after the book''s release (release date not given)' FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2017:book:esr' AND m."kind" = 'DOWNLOADS' AND m."value" = 1500;--> statement-breakpoint
UPDATE "metrics" m SET "channels" = ARRAY['FACEBOOK', 'INSTAGRAM', 'TWITTER', 'YOUTUBE']::"channel"[] FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2020:report:esr'
  AND m."kind" = 'MENTIONS' AND m."channel" IS NULL AND m."value" = 2000;--> statement-breakpoint
DELETE FROM "metrics" m USING "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2020:report:esr'
  AND m."kind" = 'PARTICIPANTS' AND m."value" = 10000 AND m."precision" = 'ESTIMATE';--> statement-breakpoint
UPDATE "metrics" m SET "window" = 'received up to the date of the report (the date is not given)' FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2020:experience-reports:esr' AND m."kind" = 'REPORTS_RECEIVED' AND m."value" = 140;--> statement-breakpoint
UPDATE "metrics" m SET "derived" = true FROM "activities" a
  WHERE a."id" = m."activity_id" AND a."idempotency_key" = 'seed:2014:participation:esr'
  AND m."kind" = 'PARTICIPATING_SOCIETIES' AND m."value" = 87;--> statement-breakpoint
INSERT INTO "edition_partners" ("edition_id", "society_id", "role", "source")
  SELECT e."id", s."id", 'UMBRELLA_PARTNER', 'S29 healthmanagement.org "#IDoR2020"'
  FROM "editions" e JOIN "societies" s ON s."slug" IN ('ranzcr', 'efrs', 'isrrt')
  WHERE e."year" = 2020 AND EXISTS (SELECT 1 FROM "activities" a WHERE a."idempotency_key" = 'seed:2020:report:esr')
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The societies' own sources, which the seeding used to drop; only where none is stored yet.
UPDATE "societies" s SET "source" = v."source" FROM (VALUES
  ('esr', 'S39 Wikipedia "European Society of Radiology"'),
  ('rsna', 'S40 "Radiological Society of North America"'),
  ('acr', 'S41 ACR Bulletin "Better Together"'),
  ('isrrt', 'S50 isrrt.org historical data'),
  ('efrs', 'S66 isrrt.org EFRS'),
  ('dvta', 'S26 dvta.de "IDoR 2020 breaks records"'),
  ('drg', 'S45 forum-junge-radiologie.de DRG'),
  ('sfr', 'S46 "Société française de radiologie"'),
  ('sirm', 'S43 sirm.org'),
  ('seram', 'S34 infosalus.com SERAM 2023'),
  ('rcr', 'S4 infogalactic "International Day of Radiology"'),
  ('sor', 'S48 sor.org WRD 2020'),
  ('car', 'S42 car.ca IDoR'),
  ('jrs', 'S36 radiology.jp IDoR'),
  ('cbr', 'S37 cbr.org.br Radiologist Day and IDoR'),
  ('iria', 'S31 indianexpress.com "10th IDoR celebration"'),
  ('bsr', 'S59 bsr-web.be IDoR 2019'),
  ('ranzcr', 'S29 healthmanagement.org "#IDoR2020"')
) AS v("slug", "source") WHERE s."slug" = v."slug" AND s."source" IS NULL;