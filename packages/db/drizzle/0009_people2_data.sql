-- people2: a delegation's contact lives on the contact's person (contact_name and
-- contact_email are dropped by the next migration). 0007 linked the contacts of its day;
-- this links any delegation still without a contact person, the same way.
INSERT INTO persons (email, given_name, family_name, created_at, updated_at)
SELECT DISTINCT ON (lower(btrim(d.contact_email))) lower(btrim(d.contact_email)), btrim(d.contact_name), '', d.created_at, now()
FROM delegations d
WHERE d.contact_person_id IS NULL
ORDER BY lower(btrim(d.contact_email)), d.created_at DESC, d.id DESC
ON CONFLICT (email) DO NOTHING;
--> statement-breakpoint
UPDATE delegations d SET contact_person_id = p.id FROM persons p WHERE p.email = lower(btrim(d.contact_email)) AND d.contact_person_id IS NULL;
--> statement-breakpoint
-- A contact's person made by a sign-in has no name yet: it takes the name its newest
-- delegation was registered with, which would otherwise be lost with the column.
UPDATE persons p SET given_name = d.contact_name, updated_at = now()
FROM (
  SELECT DISTINCT ON (contact_person_id) contact_person_id, btrim(contact_name) AS contact_name
  FROM delegations
  ORDER BY contact_person_id, created_at DESC, id DESC
) d
WHERE p.id = d.contact_person_id AND p.given_name = '' AND p.family_name = '' AND p.erased_at IS NULL;
