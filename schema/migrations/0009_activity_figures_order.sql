-- An activity's figures in the order every read gives them: by kind, the all-channels figure (channel null) first,
-- then the channels. A page of activities reads each one's figures inside its own statement (the dashboard); with this
-- index PostgreSQL reads them in order instead of sorting each activity's figures (bench/RESULTS.md, "Fifth pass").
CREATE INDEX "metrics_activity_figures_idx" ON "metrics" USING btree ("activity_id","kind","channel" NULLS FIRST);