CREATE TABLE "goal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"goal_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"what" text NOT NULL,
	"times_per_week" integer NOT NULL,
	"by_date" date,
	"created_at" timestamp with time zone NOT NULL,
	"achieved_at" timestamp with time zone,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patient_preferences" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"low_energy" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technique_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"technique_id" text,
	"title" text NOT NULL,
	"description" text,
	"sets" integer,
	"reps" integer,
	"minutes" integer,
	"times_per_week" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "technique_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"technique_id" text NOT NULL,
	"kind" text NOT NULL,
	"assignment_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"pain_before" integer,
	"pain_after" integer,
	"tension_before" integer,
	"tension_after" integer,
	"provider" text,
	"note" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goal_entries" ADD CONSTRAINT "goal_entries_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_entries" ADD CONSTRAINT "goal_entries_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_preferences" ADD CONSTRAINT "patient_preferences_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technique_assignments" ADD CONSTRAINT "technique_assignments_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technique_assignments" ADD CONSTRAINT "technique_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technique_assignments" ADD CONSTRAINT "technique_assignments_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technique_sessions" ADD CONSTRAINT "technique_sessions_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technique_sessions" ADD CONSTRAINT "technique_sessions_assignment_id_technique_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."technique_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_entries_idempotency_key" ON "goal_entries" USING btree ("patient_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "goal_entries_goal_idx" ON "goal_entries" USING btree ("goal_id","on");--> statement-breakpoint
CREATE INDEX "goals_patient_idx" ON "goals" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "technique_assignments_patient_idx" ON "technique_assignments" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "technique_sessions_idempotency_key" ON "technique_sessions" USING btree ("patient_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "technique_sessions_patient_idx" ON "technique_sessions" USING btree ("patient_id","started_at");