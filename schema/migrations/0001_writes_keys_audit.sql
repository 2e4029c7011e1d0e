CREATE TYPE "public"."api_key_role" AS ENUM('PARTNER', 'STAFF');--> statement-breakpoint
CREATE TABLE "activity_changes" (
	"activity_id" integer PRIMARY KEY NOT NULL,
	"proposed" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"role" "api_key_role" NOT NULL,
	"society_id" integer,
	"label" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_partner_has_society" CHECK (("api_keys"."role" = 'PARTNER') = ("api_keys"."society_id" is not null)),
	CONSTRAINT "api_keys_label_length" CHECK (length("api_keys"."label") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_role" text NOT NULL,
	"actor_key_prefix" text,
	"actor_society_id" integer,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" integer NOT NULL,
	"society_id" integer,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_actor_role" CHECK ("audit_log"."actor_role" in ('PARTNER', 'STAFF', 'SYSTEM'))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "activity_changes" ADD CONSTRAINT "activity_changes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_society_id_societies_id_fk" FOREIGN KEY ("society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_society_id_societies_id_fk" FOREIGN KEY ("actor_society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_society_id_societies_id_fk" FOREIGN KEY ("society_id") REFERENCES "public"."societies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_society_idx" ON "api_keys" USING btree ("society_id");--> statement-breakpoint
CREATE INDEX "api_keys_created_idx" ON "api_keys" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_society_idx" ON "audit_log" USING btree ("society_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_society_idx" ON "audit_log" USING btree ("actor_society_id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_review_note_length" CHECK (length("activities"."review_note") <= 2000);