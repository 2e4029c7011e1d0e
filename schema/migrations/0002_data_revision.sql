CREATE TABLE "data_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_revision_single_row" CHECK ("data_revision"."id")
);
