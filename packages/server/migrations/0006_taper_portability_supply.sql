CREATE TABLE "account_deletions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"purge_after" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "missed_dose_instructions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"text" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_counts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"formulation" text NOT NULL,
	"quantity" double precision NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "taper_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taper_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_version" integer,
	"closing_note" text
);
--> statement-breakpoint
CREATE TABLE "taper_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taper_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"effective_date" date NOT NULL,
	"plan" jsonb NOT NULL,
	"conversion" jsonb,
	"check_in_days" jsonb NOT NULL,
	"follow_up_months" integer NOT NULL,
	"follow_up_interval_days" integer NOT NULL,
	"request_id" uuid,
	"signed_by" uuid NOT NULL,
	"signature_method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patient_preferences" ADD COLUMN "refill_reminder_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "regimen_versions" ADD COLUMN "taper_id" uuid;--> statement-breakpoint
ALTER TABLE "regimen_versions" ADD COLUMN "taper_version" integer;--> statement-breakpoint
ALTER TABLE "regimen_versions" ADD COLUMN "taper_step_index" integer;--> statement-breakpoint
ALTER TABLE "account_deletions" ADD CONSTRAINT "account_deletions_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_dose_instructions" ADD CONSTRAINT "missed_dose_instructions_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missed_dose_instructions" ADD CONSTRAINT "missed_dose_instructions_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_requests" ADD CONSTRAINT "taper_requests_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_requests" ADD CONSTRAINT "taper_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_requests" ADD CONSTRAINT "taper_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_versions" ADD CONSTRAINT "taper_versions_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taper_versions" ADD CONSTRAINT "taper_versions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_deletions_open_key" ON "account_deletions" USING btree ("patient_id") WHERE "account_deletions"."cancelled_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_patient_idx" ON "calendar_feeds" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "missed_dose_instructions_patient_idx" ON "missed_dose_instructions" USING btree ("patient_id","set_at");--> statement-breakpoint
CREATE INDEX "stock_counts_patient_idx" ON "stock_counts" USING btree ("patient_id","formulation","counted_at");--> statement-breakpoint
CREATE INDEX "taper_requests_open_idx" ON "taper_requests" USING btree ("patient_id","created_at") WHERE "taper_requests"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "taper_versions_taper_version_key" ON "taper_versions" USING btree ("taper_id","version");--> statement-breakpoint
CREATE INDEX "taper_versions_patient_idx" ON "taper_versions" USING btree ("patient_id","signed_at");