-- data_revision is bumped once per transaction, at its commit, instead of at every statement. The statement-level
-- triggers of 0003 updated the one data_revision row at a transaction's first write and held its row lock until the
-- commit, so concurrent writers (a partner's batch of 100 activities, staff reviews) ran one after the other: under 32
-- concurrent submitActivities batches the UPDATE of data_revision averaged a second of lock waiting (bench/RESULTS.md).
-- A deferred constraint trigger runs at commit; a transaction-local setting makes only its first row bump. Readers see
-- the new revision and the new rows at the same instant (the commit), so caches keyed by the revision stay correct.
CREATE OR REPLACE FUNCTION bump_data_revision_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('idor.revision_bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('idor.revision_bumped_in', txid_current()::text, true);
    UPDATE "data_revision" SET "revision" = "revision" + 1 WHERE "id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "societies_insert_bumps_revision" ON "societies";
--> statement-breakpoint
DROP TRIGGER "societies_update_bumps_revision" ON "societies";
--> statement-breakpoint
DROP TRIGGER "societies_delete_bumps_revision" ON "societies";
--> statement-breakpoint
DROP TRIGGER "editions_insert_bumps_revision" ON "editions";
--> statement-breakpoint
DROP TRIGGER "editions_update_bumps_revision" ON "editions";
--> statement-breakpoint
DROP TRIGGER "editions_delete_bumps_revision" ON "editions";
--> statement-breakpoint
DROP TRIGGER "activities_insert_bumps_revision" ON "activities";
--> statement-breakpoint
DROP TRIGGER "activities_update_bumps_revision" ON "activities";
--> statement-breakpoint
DROP TRIGGER "activities_delete_bumps_revision" ON "activities";
--> statement-breakpoint
DROP TRIGGER "metrics_insert_bumps_revision" ON "metrics";
--> statement-breakpoint
DROP TRIGGER "metrics_update_bumps_revision" ON "metrics";
--> statement-breakpoint
DROP TRIGGER "metrics_delete_bumps_revision" ON "metrics";
--> statement-breakpoint
DROP TRIGGER "activity_changes_insert_bumps_revision" ON "activity_changes";
--> statement-breakpoint
DROP TRIGGER "activity_changes_update_bumps_revision" ON "activity_changes";
--> statement-breakpoint
DROP TRIGGER "activity_changes_delete_bumps_revision" ON "activity_changes";
--> statement-breakpoint
DROP FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "societies_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "societies" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "editions_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "editions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "activities_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "activities" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "metrics_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "metrics" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "activity_changes_bumps_revision" AFTER INSERT OR UPDATE OR DELETE ON "activity_changes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision_at_commit();
