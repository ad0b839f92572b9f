-- People backfill (issue 9 §1): every registration and delegation contact gets its person.
-- Must run after 0007 (delegations.contact_person_id) and before the migration that drops
-- the registrations' personal columns and makes person_id required.
-- A person per normalised email (trimmed, lower-case); the fields come from that email's
-- most recent registration, email_verified_at from the earliest verified one.
WITH regs AS (
  SELECT r.*, lower(btrim(r.email)) AS norm FROM registrations r
),
verified AS (
  SELECT norm, min(email_verified_at) AS verified_at, min(created_at) AS first_at FROM regs GROUP BY norm
),
latest AS (
  SELECT DISTINCT ON (norm) * FROM regs ORDER BY norm, created_at DESC, id DESC
)
INSERT INTO persons (email, email_verified_at, given_name, family_name, local_name, country, phone, job_title, locale, created_at, updated_at)
SELECT l.norm, v.verified_at, l.given_name, l.family_name, l.local_name, l.country, l.phone, l.job_title, l.locale, v.first_at, now()
FROM latest l JOIN verified v USING (norm)
ON CONFLICT (email) DO NOTHING;
--> statement-breakpoint
-- A delegation contact who never registered: the name was typed as one text, kept whole
-- as the given name (family name blank) rather than guessing where a name splits.
INSERT INTO persons (email, given_name, family_name, created_at, updated_at)
SELECT DISTINCT ON (lower(btrim(d.contact_email))) lower(btrim(d.contact_email)), btrim(d.contact_name), '', d.created_at, now()
FROM delegations d
ORDER BY lower(btrim(d.contact_email)), d.created_at DESC, d.id DESC
ON CONFLICT (email) DO NOTHING;
--> statement-breakpoint
UPDATE registrations r SET person_id = p.id FROM persons p WHERE p.email = lower(btrim(r.email)) AND r.person_id IS NULL;
--> statement-breakpoint
UPDATE delegations d SET contact_person_id = p.id FROM persons p WHERE p.email = lower(btrim(d.contact_email)) AND d.contact_person_id IS NULL;
