CREATE TABLE "paper_decision_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"accepted" boolean NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_decisions" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"camera_ready_file_id" uuid,
	"camera_ready_page_count" integer,
	"camera_ready_at" timestamp with time zone,
	"presenter_confirmed_at" timestamp with time zone,
	CONSTRAINT "paper_decisions_state_check" CHECK ("paper_decisions"."state" in ('pending','released'))
);
--> statement-breakpoint
ALTER TABLE "paper_decision_kinds" ADD CONSTRAINT "paper_decision_kinds_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_decisions" ADD CONSTRAINT "paper_decisions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_decisions" ADD CONSTRAINT "paper_decisions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_decisions" ADD CONSTRAINT "paper_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_decisions" ADD CONSTRAINT "paper_decisions_camera_ready_file_id_files_id_fk" FOREIGN KEY ("camera_ready_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paper_decision_kinds_code_key" ON "paper_decision_kinds" USING btree ("event_id","code");--> statement-breakpoint
CREATE INDEX "paper_decisions_event_idx" ON "paper_decisions" USING btree ("event_id","state");