-- One activity, reported by several (issue 9): co-organising societies of an activity, and staff marking two
-- activities as the same event. The co-organiser links feed summaries, so they bump data_revision like every table
-- summaries read (0006). `when` in the journal is after 0006's (which was set by hand), or the migrator would skip it.
CREATE TABLE "activity_co_organisers" (
	"activity_id" integer NOT NULL,
	"society_id" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_co_organisers_activity_id_society_id_pk" PRIMARY KEY("activity_id","society_id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "same_as_activity_id" integer;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_co_organisers" ADD CONSTRAINT "activity_co_organisers_society_id_societies_id_fk" FOREIGN KEY ("society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_co_organisers_society_idx" ON "activity_co_organisers" USING btree ("society_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_same_as_activity_id_activities_id_fk" FOREIGN KEY ("same_as_activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_same_as_idx" ON "activities" USING btree ("same_as_activity_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_not_same_as_itself" CHECK ("activities"."same_as_activity_id" <> "activities"."id");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "activity_co_organisers_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "activity_co_organisers" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
