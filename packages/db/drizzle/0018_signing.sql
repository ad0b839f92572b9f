CREATE TABLE "signing_envelopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"version_sha256" text NOT NULL,
	"signing_order" text NOT NULL,
	"status" text DEFAULT 'out' NOT NULL,
	"sent_by_user_id" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"declined_reason" text,
	"document_code" text NOT NULL,
	"sealed_file_id" uuid,
	"sealed_sha256" text,
	"sealed_at" timestamp with time zone,
	CONSTRAINT "signing_envelopes_order_check" CHECK ("signing_envelopes"."signing_order" in ('sequential','parallel')),
	CONSTRAINT "signing_envelopes_status_check" CHECK ("signing_envelopes"."status" in ('out','completed','declined','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "signing_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"envelope_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"printed_name" text NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"on_behalf_of" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"step" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "signing_recipients_role_check" CHECK ("signing_recipients"."role" in ('signer','approver','witness','cc')),
	CONSTRAINT "signing_recipients_status_check" CHECK ("signing_recipients"."status" in ('pending','signed','declined'))
);
--> statement-breakpoint
CREATE TABLE "signing_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"typed_name" text,
	"png_base64" text,
	"sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signing_signatures_kind_check" CHECK ("signing_signatures"."kind" in ('typed','drawn'))
);
--> statement-breakpoint
CREATE TABLE "signing_trail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"envelope_id" uuid NOT NULL,
	"recipient_id" uuid,
	"action" text NOT NULL,
	"actor_name" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"sha256" text NOT NULL,
	"detail" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signing_envelopes" ADD CONSTRAINT "signing_envelopes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_envelopes" ADD CONSTRAINT "signing_envelopes_version_id_agreement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_recipients" ADD CONSTRAINT "signing_recipients_envelope_id_signing_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."signing_envelopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_recipients" ADD CONSTRAINT "signing_recipients_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_recipients" ADD CONSTRAINT "signing_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_signatures" ADD CONSTRAINT "signing_signatures_recipient_id_signing_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."signing_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_trail" ADD CONSTRAINT "signing_trail_envelope_id_signing_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."signing_envelopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signing_envelopes_agreement_idx" ON "signing_envelopes" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_envelopes_code_key" ON "signing_envelopes" USING btree ("document_code");--> statement-breakpoint
CREATE INDEX "signing_envelopes_sealed_sha_idx" ON "signing_envelopes" USING btree ("sealed_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_envelopes_open_key" ON "signing_envelopes" USING btree ("agreement_id") WHERE "signing_envelopes"."status" = 'out';--> statement-breakpoint
CREATE INDEX "signing_recipients_envelope_idx" ON "signing_recipients" USING btree ("envelope_id","step");--> statement-breakpoint
CREATE INDEX "signing_recipients_person_idx" ON "signing_recipients" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_recipients_person_key" ON "signing_recipients" USING btree ("envelope_id","person_id","organisation_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_signatures_recipient_key" ON "signing_signatures" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "signing_trail_envelope_idx" ON "signing_trail" USING btree ("envelope_id","at");