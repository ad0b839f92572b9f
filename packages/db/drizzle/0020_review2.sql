CREATE TABLE "review_bids" (
	"submission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"bid" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_bids_submission_id_user_id_pk" PRIMARY KEY("submission_id","user_id"),
	CONSTRAINT "review_bids_range_check" CHECK ("review_bids"."bid" between -20 and 20)
);
--> statement-breakpoint
CREATE TABLE "review_phases" (
	"event_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_phases_event_id_phase_pk" PRIMARY KEY("event_id","phase"),
	CONSTRAINT "review_phases_phase_check" CHECK ("review_phases"."phase" in ('bidding','reviewing','discussion','decision')),
	CONSTRAINT "review_phases_order_check" CHECK ("review_phases"."ends_at" > "review_phases"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "review_bids" ADD CONSTRAINT "review_bids_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_bids" ADD CONSTRAINT "review_bids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_bids" ADD CONSTRAINT "review_bids_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_phases" ADD CONSTRAINT "review_phases_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_bids_event_idx" ON "review_bids" USING btree ("event_id","user_id");