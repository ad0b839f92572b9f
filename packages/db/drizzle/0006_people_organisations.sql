CREATE TABLE "organisation_names" (
	"match_key" text NOT NULL,
	"country_key" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spelling" text NOT NULL,
	CONSTRAINT "organisation_names_match_key_country_key_pk" PRIMARY KEY("match_key","country_key")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"country" text,
	"type" text DEFAULT 'other' NOT NULL,
	"website" text,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_country_check" CHECK ("organisations"."country" is null or "organisations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organisations_type_check" CHECK ("organisations"."type" in ('government_agency','public_corporation','international_organisation','university','research_institute','company','network','other'))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"email_verified_at" timestamp with time zone,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"local_name" text,
	"country" text,
	"phone" text,
	"job_title" text,
	"organisation_id" uuid,
	"locale" text DEFAULT 'en' NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "organisation_names" ADD CONSTRAINT "organisation_names_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_names_organisation_idx" ON "organisation_names" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_merged_idx" ON "organisations" USING btree ("merged_into");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_email_key" ON "persons" USING btree ("email");--> statement-breakpoint
CREATE INDEX "persons_organisation_idx" ON "persons" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_person_idx" ON "registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "registrations_organisation_idx" ON "registrations" USING btree ("organisation_id");