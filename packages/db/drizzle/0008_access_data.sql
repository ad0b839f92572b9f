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
