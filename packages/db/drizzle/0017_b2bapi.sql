ALTER TABLE "b2b_profiles" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "b2b_profiles_partner_idx" ON "b2b_profiles" USING btree ("partner_id");