-- After the backfill (0007): every registration has its person, so the person is required,
-- one live registration per person and event, and the personal columns leave registrations.
ALTER TABLE "registrations" ALTER COLUMN "person_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "registrations" DROP CONSTRAINT "registrations_country_check";
--> statement-breakpoint
DROP INDEX "registrations_email_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_person_key" ON "registrations" USING btree ("event_id","person_id") WHERE "registrations"."status" not in ('cancelled','rejected');
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "email";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "given_name";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "family_name";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "local_name";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "job_title";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "country";
--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "phone";
