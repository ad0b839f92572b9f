CREATE TABLE "b2b_fairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_fairs_event_key" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "b2b_interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"name" text NOT NULL,
	"person_id" uuid,
	"language_pairs" jsonb NOT NULL,
	"available_slots" integer[],
	"max_meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"buyer_profile_id" uuid NOT NULL,
	"seller_profile_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"interpreter_id" uuid,
	"prematch_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_meetings_status_check" CHECK ("b2b_meetings"."status" in ('scheduled','published','held','no_show','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "b2b_outcomes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"products_discussed" text DEFAULT '' NOT NULL,
	"interest" integer NOT NULL,
	"stage" text NOT NULL,
	"estimated_value" bigint,
	"currency" text,
	"signed_amount" bigint,
	"signed_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_outcomes_stage_check" CHECK ("b2b_outcomes"."stage" in ('interest','negotiation','contract_in_progress','signed'))
);
--> statement-breakpoint
CREATE TABLE "b2b_prematches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"buyer_profile_id" uuid NOT NULL,
	"seller_profile_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "b2b_prematches_status_check" CHECK ("b2b_prematches"."status" in ('proposed','approved','rejected','forced'))
);
--> statement-breakpoint
CREATE TABLE "b2b_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"side" text NOT NULL,
	"status" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_person_id" uuid,
	"country" text NOT NULL,
	"products" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"volumes" text DEFAULT '' NOT NULL,
	"price_min" bigint,
	"price_max" bigint,
	"price_currency" text,
	"priorities" text DEFAULT '' NOT NULL,
	"certifications" text[] NOT NULL,
	"export_markets" text[] NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"catalogue_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_profiles_side_check" CHECK ("b2b_profiles"."side" in ('buyer','seller')),
	CONSTRAINT "b2b_profiles_status_check" CHECK ("b2b_profiles"."status" in ('draft','submitted','validated','rejected'))
);
--> statement-breakpoint
CREATE TABLE "b2b_rates" (
	"fair_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"usd_per_unit" numeric(24, 12) NOT NULL,
	CONSTRAINT "b2b_rates_fair_id_currency_pk" PRIMARY KEY("fair_id","currency")
);
--> statement-breakpoint
CREATE TABLE "b2b_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "b2b_fairs" ADD CONSTRAINT "b2b_fairs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_interpreters" ADD CONSTRAINT "b2b_interpreters_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_interpreters" ADD CONSTRAINT "b2b_interpreters_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_buyer_profile_id_b2b_profiles_id_fk" FOREIGN KEY ("buyer_profile_id") REFERENCES "public"."b2b_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_seller_profile_id_b2b_profiles_id_fk" FOREIGN KEY ("seller_profile_id") REFERENCES "public"."b2b_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_slot_id_b2b_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."b2b_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_table_id_b2b_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."b2b_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_interpreter_id_b2b_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."b2b_interpreters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_prematch_id_b2b_prematches_id_fk" FOREIGN KEY ("prematch_id") REFERENCES "public"."b2b_prematches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_outcomes" ADD CONSTRAINT "b2b_outcomes_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_prematches" ADD CONSTRAINT "b2b_prematches_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_prematches" ADD CONSTRAINT "b2b_prematches_buyer_profile_id_b2b_profiles_id_fk" FOREIGN KEY ("buyer_profile_id") REFERENCES "public"."b2b_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_prematches" ADD CONSTRAINT "b2b_prematches_seller_profile_id_b2b_profiles_id_fk" FOREIGN KEY ("seller_profile_id") REFERENCES "public"."b2b_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_contact_person_id_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_catalogue_file_id_files_id_fk" FOREIGN KEY ("catalogue_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_rates" ADD CONSTRAINT "b2b_rates_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_slots" ADD CONSTRAINT "b2b_slots_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_tables" ADD CONSTRAINT "b2b_tables_fair_id_b2b_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."b2b_fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_table_busy" ON "b2b_meetings" USING btree ("slot_id","table_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_buyer_busy" ON "b2b_meetings" USING btree ("slot_id","buyer_profile_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_seller_busy" ON "b2b_meetings" USING btree ("slot_id","seller_profile_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_interpreter_busy" ON "b2b_meetings" USING btree ("slot_id","interpreter_id") WHERE status <> 'cancelled' and interpreter_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_pair_once" ON "b2b_meetings" USING btree ("buyer_profile_id","seller_profile_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "b2b_meetings_fair_idx" ON "b2b_meetings" USING btree ("fair_id");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_prematches_pair_key" ON "b2b_prematches" USING btree ("buyer_profile_id","seller_profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_profiles_company_key" ON "b2b_profiles" USING btree ("fair_id","organisation_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_slots_fair_index_key" ON "b2b_slots" USING btree ("fair_id","index");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_tables_fair_name_key" ON "b2b_tables" USING btree ("fair_id","name");