CREATE TABLE "cfp_consent_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"text" jsonb NOT NULL,
	"required" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfp_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"opens_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"grace_minutes" integer DEFAULT 0 NOT NULL,
	"blind_mode" text DEFAULT 'double' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfp_submission_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"page_limit" integer,
	"abstract_word_limit" integer,
	"file_required" boolean DEFAULT true NOT NULL,
	"max_megabytes" integer DEFAULT 10 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfp_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_authors" (
	"submission_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"affiliation" text NOT NULL,
	"country" text NOT NULL,
	"orcid" text,
	"presenting" boolean DEFAULT false NOT NULL,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "submission_authors_submission_id_position_pk" PRIMARY KEY("submission_id","position")
);
--> statement-breakpoint
CREATE TABLE "submission_reviewer_conflicts" (
	"submission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	CONSTRAINT "submission_reviewer_conflicts_submission_id_user_id_pk" PRIMARY KEY("submission_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"submission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_versions_submission_id_version_pk" PRIMARY KEY("submission_id","version")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"submitter_person_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"track_id" uuid,
	"type_id" uuid,
	"title" jsonb NOT NULL,
	"abstract" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_id" uuid,
	"page_count" integer,
	"institution_conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_status_check" CHECK ("submissions"."status" in ('draft','submitted','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "cfp_consent_versions" ADD CONSTRAINT "cfp_consent_versions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_settings" ADD CONSTRAINT "cfp_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_submission_types" ADD CONSTRAINT "cfp_submission_types_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_tracks" ADD CONSTRAINT "cfp_tracks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_authors" ADD CONSTRAINT "submission_authors_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_authors" ADD CONSTRAINT "submission_authors_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_authors" ADD CONSTRAINT "submission_authors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_reviewer_conflicts" ADD CONSTRAINT "submission_reviewer_conflicts_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_reviewer_conflicts" ADD CONSTRAINT "submission_reviewer_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitter_person_id_persons_id_fk" FOREIGN KEY ("submitter_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_track_id_cfp_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."cfp_tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_type_id_cfp_submission_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."cfp_submission_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cfp_consent_versions_key" ON "cfp_consent_versions" USING btree ("event_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "cfp_submission_types_kind_key" ON "cfp_submission_types" USING btree ("event_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "cfp_tracks_code_key" ON "cfp_tracks" USING btree ("event_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_authors_person_key" ON "submission_authors" USING btree ("submission_id","person_id");--> statement-breakpoint
CREATE INDEX "submission_authors_person_idx" ON "submission_authors" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_authors_token_key" ON "submission_authors" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "submission_conflicts_user_idx" ON "submission_reviewer_conflicts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "submissions_event_idx" ON "submissions" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "submissions_submitter_idx" ON "submissions" USING btree ("submitter_person_id");