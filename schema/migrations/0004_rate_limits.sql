-- Unlogged: rate-limit counters are worth no WAL and no crash safety (after a server crash they start from zero).
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp (3) with time zone
);
