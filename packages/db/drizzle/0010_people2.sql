ALTER TABLE "delegations" ALTER COLUMN "contact_person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "delegations" DROP COLUMN "contact_name";--> statement-breakpoint
ALTER TABLE "delegations" DROP COLUMN "contact_email";