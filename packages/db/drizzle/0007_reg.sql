ALTER TABLE "registrations" DROP CONSTRAINT "registrations_status_check";--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "payment_due_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "payment_instructions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "payment_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_status_check" CHECK ("registrations"."status" in ('pending','confirmed','waitlisted','offered','awaiting_payment','cancelled','rejected'));