CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"signal_id" text NOT NULL,
	"severity" text NOT NULL,
	"severity_rank" integer NOT NULL,
	"audience" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"fingerprint" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"title" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"clinician_text" text NOT NULL,
	"patient_text" text,
	"status" text NOT NULL,
	"present" boolean NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text
);
--> statement-breakpoint
CREATE TABLE "patient_activity" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"last_dose_at" timestamp with time zone,
	"last_check_in_at" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_activity" ADD CONSTRAINT "patient_activity_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_unresolved_key" ON "alerts" USING btree ("patient_id","dedupe_key") WHERE "alerts"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_patient_status_idx" ON "alerts" USING btree ("patient_id","status","severity_rank");