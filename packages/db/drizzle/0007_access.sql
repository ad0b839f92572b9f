ALTER TABLE "audit_log" ADD COLUMN "actor_kind" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_person_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_partner_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_object_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_log_partner_at_idx" ON "audit_log" USING btree ("actor_partner_id","at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_kind_check" CHECK ("audit_log"."actor_kind" in ('user','person','participant','delegationContact','apiKey','cli','system','anonymous'));