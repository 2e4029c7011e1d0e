-- Every statement that changes rows summaries read bumps data_revision once (statement-level triggers with transition
-- tables: a batch of 500 rows costs one bump, a statement that changes nothing - an idempotent replay's
-- INSERT ... ON CONFLICT DO NOTHING - costs none). Summary caches compare their revision with this row's.
INSERT INTO "data_revision" ("id", "revision") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    UPDATE "data_revision" SET "revision" = "revision" + 1 WHERE "id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "societies_insert_bumps_revision" AFTER INSERT ON "societies" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "societies_update_bumps_revision" AFTER UPDATE ON "societies" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "societies_delete_bumps_revision" AFTER DELETE ON "societies" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "editions_insert_bumps_revision" AFTER INSERT ON "editions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "editions_update_bumps_revision" AFTER UPDATE ON "editions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "editions_delete_bumps_revision" AFTER DELETE ON "editions" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activities_insert_bumps_revision" AFTER INSERT ON "activities" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activities_update_bumps_revision" AFTER UPDATE ON "activities" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activities_delete_bumps_revision" AFTER DELETE ON "activities" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "metrics_insert_bumps_revision" AFTER INSERT ON "metrics" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "metrics_update_bumps_revision" AFTER UPDATE ON "metrics" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "metrics_delete_bumps_revision" AFTER DELETE ON "metrics" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activity_changes_insert_bumps_revision" AFTER INSERT ON "activity_changes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activity_changes_update_bumps_revision" AFTER UPDATE ON "activity_changes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "activity_changes_delete_bumps_revision" AFTER DELETE ON "activity_changes" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
