CREATE TABLE "agreement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_actions_status_check" CHECK ("agreement_actions"."status" in ('open','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "agreement_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"clause_key" text NOT NULL,
	"version_number" integer,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'signatory' NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"on_behalf_of" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "agreement_signatories_role_check" CHECK ("agreement_signatories"."role" in ('signatory','witness'))
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"clauses" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"created_by_user_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"purpose" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_on" date,
	"expires_on" date,
	"signed_on" date,
	"signed_version_id" uuid,
	"adopted_at_session" text,
	"adopted_at" timestamp with time zone,
	"renewal_of_id" uuid,
	"owner_user_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"expiry_reminded_for" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_kind_check" CHECK ("agreements"."kind" in ('mou','declaration')),
	CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" in ('draft','negotiation','approved','out_for_signature','signed','in_effect','expired','terminated','renewed','adopted')),
	CONSTRAINT "agreements_dates_check" CHECK ("agreements"."expires_on" is null or "agreements"."effective_on" is null or "agreements"."expires_on" >= "agreements"."effective_on")
);
--> statement-breakpoint
CREATE TABLE "declaration_endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"person_name" text NOT NULL,
	"country" text,
	"title" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"verified_by_user_id" uuid,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declaration_endorsements_status_check" CHECK ("declaration_endorsements"."status" in ('pending','verified','rejected'))
);
--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD CONSTRAINT "agreement_actions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD CONSTRAINT "agreement_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_party_id_agreement_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."agreement_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_endorsements" ADD CONSTRAINT "declaration_endorsements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_endorsements" ADD CONSTRAINT "declaration_endorsements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_endorsements" ADD CONSTRAINT "declaration_endorsements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_actions_agreement_idx" ON "agreement_actions" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_parties_org_key" ON "agreement_parties" USING btree ("agreement_id","organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_organisation_idx" ON "agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_signatories_party_idx" ON "agreement_signatories" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "agreement_signatories_person_idx" ON "agreement_signatories" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_number_key" ON "agreement_versions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "agreements_event_idx" ON "agreements" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "agreements_renewal_of_idx" ON "agreements" USING btree ("renewal_of_id");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_endorsements_person_key" ON "declaration_endorsements" USING btree ("agreement_id","person_id");--> statement-breakpoint
CREATE INDEX "declaration_endorsements_status_idx" ON "declaration_endorsements" USING btree ("agreement_id","status");--> statement-breakpoint
-- agreements: a saved version of a text is never changed (issue 13: "which version was
-- signed" must always mean the same words). Deleting stays possible only by cascade
-- from its agreement; no procedure deletes an agreement.
CREATE OR REPLACE FUNCTION agreement_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'agreement versions are immutable' USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER agreement_versions_no_update BEFORE UPDATE ON agreement_versions
FOR EACH ROW EXECUTE FUNCTION agreement_versions_immutable();
