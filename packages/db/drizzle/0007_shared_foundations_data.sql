-- Copy of drizzle/0008_people_data.sql for the lead's migration regeneration.
-- ORDER MATTERS: this must run after delegations.contact_person_id exists (0007_people)
-- and BEFORE 0009_people_finish (which drops registrations.email/given_name/... and sets
-- person_id NOT NULL). When regenerating into one migration, split it at the drops:
-- schema additions, then this file, then 0009's statements.
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
--> statement-breakpoint
-- Organisations from what was typed (issue 9 §2): every partner and every registration's
-- free-text organisation gets its shared organisation. The match key is the contracts'
-- organisationMatchKey, written again here in SQL (organisations.service.test.ts checks
-- the two agree on both engines). The country is the registrant's, on the person: this
-- runs after the people backfill. Ids are derived from the key so each statement can
-- find the rows the one before made.
insert into organisations (id, name, country, type)
select distinct on (k) md5('org|' || k || '|')::uuid, case when name ~ '[가-힣]' then jsonb_build_object('ko', btrim(name)) else jsonb_build_object('en', btrim(name)) end, null, 'other'
from (select btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, name from partners) p
where k <> ''
order by k, name
on conflict (id) do nothing;
--> statement-breakpoint
insert into organisation_names (match_key, country_key, organisation_id, spelling)
select distinct on (k) k, '', md5('org|' || k || '|')::uuid, btrim(name)
from (select btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, name from partners) p
where k <> ''
order by k, name
on conflict do nothing;
--> statement-breakpoint
update partners set organisation_id = md5('org|' || btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') || '|')::uuid
where organisation_id is null and btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') <> '';
--> statement-breakpoint
insert into organisations (id, name, country, type, created_at, updated_at)
select distinct on (k, country) md5('org|' || k || '|' || country)::uuid, case when organisation ~ '[가-힣]' then jsonb_build_object('ko', btrim(organisation)) else jsonb_build_object('en', btrim(organisation)) end, country, 'other', created_at, created_at
from (select btrim(regexp_replace(translate(normalize(r0.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, r0.organisation, p.country, r0.created_at from registrations r0 join persons p on p.id = r0.person_id) r
where k <> '' and not exists (
  select 1 from organisation_names n where n.match_key = r.k and n.country_key in (r.country, ''))
order by k, country, created_at
on conflict (id) do nothing;
--> statement-breakpoint
insert into organisation_names (match_key, country_key, organisation_id, spelling)
select distinct on (k, country) k, country, md5('org|' || k || '|' || country)::uuid, btrim(organisation)
from (select btrim(regexp_replace(translate(normalize(r0.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, r0.organisation, p.country, r0.created_at from registrations r0 join persons p on p.id = r0.person_id) r
where k <> '' and not exists (
  select 1 from organisation_names n where n.match_key = r.k and n.country_key in (r.country, ''))
order by k, country, created_at
on conflict do nothing;
--> statement-breakpoint
update registrations r set organisation_id = (
  select n.organisation_id from organisation_names n, persons p
  where p.id = r.person_id and n.match_key = btrim(regexp_replace(translate(normalize(r.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') and n.country_key in (p.country, '')
  order by n.country_key desc limit 1)
where r.organisation_id is null;
--> statement-breakpoint
-- Audit actors by id (issue 9 §1): infer the actor's kind and ids of the rows
-- written before audit_log had them, and take participants' emails out of the
-- label (it outlives erasure). Rows nothing can be inferred for stay 'system'.

-- Staff users, by id; and those credited by email alone (an invitation accepted).
UPDATE "audit_log" SET "actor_kind" = 'user' WHERE "actor_user_id" IS NOT NULL;--> statement-breakpoint
UPDATE "audit_log" a SET "actor_kind" = 'user', "actor_user_id" = u."id"
  FROM "users" u
  WHERE a."actor_user_id" IS NULL AND a."actor_label" = u."email";--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'cli' WHERE "actor_user_id" IS NULL AND "actor_label" = 'cli';--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'anonymous' WHERE "actor_user_id" IS NULL AND "actor_label" = 'anonymous';--> statement-breakpoint

-- A partner's key, named in the label: 'partner <name> (key <uuid>)'.
UPDATE "audit_log" a SET "actor_kind" = 'apiKey', "actor_api_key_id" = k."id", "actor_partner_id" = k."partner_id",
    "actor_label" = 'partner ' || p."name"
  FROM "api_keys" k JOIN "partners" p ON p."id" = k."partner_id"
  WHERE a."actor_user_id" IS NULL AND a."actor_label" LIKE 'partner % (key %)'
    AND k."id"::text = substring(a."actor_label" from '\(key ([0-9a-f-]{36})\)$');--> statement-breakpoint
-- A partner named by id: 'partner <uuid>' (delegations sent through the API).
UPDATE "audit_log" a SET "actor_kind" = 'apiKey', "actor_partner_id" = p."id", "actor_label" = 'partner ' || p."name"
  FROM "partners" p
  WHERE a."actor_user_id" IS NULL AND a."actor_label" = 'partner ' || p."id"::text;--> statement-breakpoint
-- 'partner: <the registered person's email>': the partner is the registration's.
UPDATE "audit_log" a SET "actor_kind" = 'apiKey', "actor_partner_id" = r."partner_id", "actor_label" = 'partner ' || p."name"
  FROM "registrations" r JOIN "partners" p ON p."id" = r."partner_id"
  WHERE a."actor_user_id" IS NULL AND a."actor_label" LIKE 'partner: %'
    AND a."object_type" = 'registration' AND a."object_id" = r."id"::text;--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'apiKey', "actor_label" = 'partner'
  WHERE "actor_user_id" IS NULL AND "actor_label" LIKE 'partner: %';--> statement-breakpoint

-- A participant: 'portal: <email>' or 'participant: <email>' on their registration,
-- 'participant <reference>' (a visa letter request).
UPDATE "audit_log" SET "actor_kind" = 'participant', "actor_object_id" = "object_id"::uuid, "actor_label" = 'participant'
  WHERE "actor_user_id" IS NULL AND ("actor_label" LIKE 'portal: %' OR "actor_label" LIKE 'participant: %')
    AND "object_type" = 'registration' AND "object_id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'participant', "actor_label" = 'participant'
  WHERE "actor_user_id" IS NULL AND ("actor_label" LIKE 'portal: %' OR "actor_label" LIKE 'participant: %');--> statement-breakpoint
UPDATE "audit_log" a SET "actor_kind" = 'participant', "actor_object_id" = r."id", "actor_label" = 'participant'
  FROM "registrations" r
  WHERE a."actor_user_id" IS NULL AND a."actor_label" = 'participant ' || r."reference"
    AND a."event_id" = r."event_id";--> statement-breakpoint

-- A delegation's contact, acting on a member's registration.
UPDATE "audit_log" a SET "actor_kind" = 'delegationContact', "actor_object_id" = r."delegation_id"
  FROM "registrations" r
  WHERE a."actor_user_id" IS NULL AND a."actor_label" = 'delegation contact'
    AND a."object_type" = 'registration' AND a."object_id" = r."id"::text;--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'delegationContact'
  WHERE "actor_user_id" IS NULL AND "actor_label" = 'delegation contact';
--> statement-breakpoint
-- Registration uploads move onto the file service (issue 9 §4): each row of
-- registration_files becomes a file (same id, so the answers that name it keep
-- working) owned by its registration, its bytes in file_blobs. The old rows are
-- then emptied; the table itself is dropped in a later release.
INSERT INTO "files" ("id", "event_id", "purpose", "owner_kind", "owner_id", "filename", "content_type", "size", "sha256", "store", "created_at", "attached_at")
SELECT "id", "event_id", 'registration.answer', CASE WHEN "registration_id" IS NULL THEN NULL ELSE 'registration' END, "registration_id", "filename", "content_type", "size", "sha256", 'postgres', "created_at", CASE WHEN "registration_id" IS NULL THEN NULL ELSE "created_at" END
FROM "registration_files"
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
INSERT INTO "file_blobs" ("file_id", "data")
SELECT "id", "data" FROM "registration_files"
ON CONFLICT ("file_id") DO NOTHING;--> statement-breakpoint
DELETE FROM "registration_files";
