ALTER TABLE "registration_options" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registration_options" ADD COLUMN "exclusive_group" text;