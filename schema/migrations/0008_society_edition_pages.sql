-- A society's activities of one edition, newest first: the pages of activities(year:) under each society (the dashboard).
-- Before it, PostgreSQL intersected the society's and the edition's index entries (a BitmapAnd reading ~2,600 entries
-- per society at the bench's scale) and sorted, to return ~10 rows; with it, one index scan reads the page in order.
CREATE INDEX "activities_society_edition_created_idx" ON "activities" USING btree ("society_id","edition_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);