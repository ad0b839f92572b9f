CREATE TABLE "capacity_counters" (
	"object_id" uuid PRIMARY KEY NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "country" text DEFAULT 'KR' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_choices" ADD COLUMN "registration_status" text;--> statement-breakpoint
CREATE INDEX "registration_choices_waitlist_idx" ON "registration_choices" USING btree ("option_id","waitlist_rank") WHERE "registration_choices"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "registrations_category_waitlist_idx" ON "registrations" USING btree ("category_id","waitlist_rank") WHERE "registrations"."status" = 'waitlisted';--> statement-breakpoint
-- capacity_counters (reg8): the places counted against each limit are kept by triggers on
-- every write of a registration or a choice (any path: placement, cancellation, option
-- changes, promotion, expiry, staff edits, erasure, cascades), so the capacity module reads
-- a count in one row instead of counting the event's rows (issue 8). A choice carries its
-- registration's status so an option's counts need no join.
UPDATE registration_choices ch SET registration_status = r.status FROM registrations r WHERE r.id = ch.registration_id;
--> statement-breakpoint
INSERT INTO capacity_counters (object_id, held, waiting, uses)
SELECT category_id,
       count(*) FILTER (WHERE status IN ('pending','confirmed','offered','awaiting_payment'))::int,
       count(*) FILTER (WHERE status = 'waitlisted')::int, 0
FROM registrations GROUP BY category_id
UNION ALL
SELECT invitation_code_id, 0, 0, count(*) FILTER (WHERE status NOT IN ('cancelled','rejected'))::int
FROM registrations WHERE invitation_code_id IS NOT NULL GROUP BY invitation_code_id
UNION ALL
SELECT option_id,
       count(*) FILTER (WHERE status = 'booked' AND registration_status IN ('pending','confirmed','offered','awaiting_payment'))::int,
       count(*) FILTER (WHERE status = 'waitlisted' AND registration_status NOT IN ('cancelled','rejected'))::int, 0
FROM registration_choices GROUP BY option_id;
--> statement-breakpoint
-- Adds to one object's counters; a change of nothing writes nothing (approving a pending
-- registration, which holds its place before and after, takes no counter row's lock).
CREATE FUNCTION plenary_capacity_count(p_object uuid, p_held integer, p_waiting integer, p_uses integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_object IS NULL OR (p_held = 0 AND p_waiting = 0 AND p_uses = 0) THEN
    RETURN;
  END IF;
  INSERT INTO capacity_counters AS c (object_id, held, waiting, uses)
  VALUES (p_object, p_held, p_waiting, p_uses)
  ON CONFLICT ON CONSTRAINT capacity_counters_pkey DO UPDATE
    SET held = c.held + EXCLUDED.held, waiting = c.waiting + EXCLUDED.waiting, uses = c.uses + EXCLUDED.uses;
END $$;
--> statement-breakpoint
CREATE FUNCTION plenary_count_registration() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_held integer := 0; o_wait integer := 0; o_use integer := 0;
  n_held integer := 0; n_wait integer := 0; n_use integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o_held := (OLD.status IN ('pending','confirmed','offered','awaiting_payment'))::integer;
    o_wait := (OLD.status = 'waitlisted')::integer;
    o_use := (OLD.status NOT IN ('cancelled','rejected'))::integer;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    n_held := (NEW.status IN ('pending','confirmed','offered','awaiting_payment'))::integer;
    n_wait := (NEW.status = 'waitlisted')::integer;
    n_use := (NEW.status NOT IN ('cancelled','rejected'))::integer;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.category_id = NEW.category_id THEN
    PERFORM plenary_capacity_count(NEW.category_id, n_held - o_held, n_wait - o_wait, 0);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM plenary_capacity_count(OLD.category_id, -o_held, -o_wait, 0); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM plenary_capacity_count(NEW.category_id, n_held, n_wait, 0); END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.invitation_code_id IS NOT DISTINCT FROM NEW.invitation_code_id THEN
    PERFORM plenary_capacity_count(NEW.invitation_code_id, 0, 0, n_use - o_use);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM plenary_capacity_count(OLD.invitation_code_id, 0, 0, -o_use); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM plenary_capacity_count(NEW.invitation_code_id, 0, 0, n_use); END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status THEN
    UPDATE registration_choices SET registration_status = NEW.status WHERE registration_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER registrations_capacity_count
AFTER INSERT OR DELETE OR UPDATE OF status, category_id, invitation_code_id ON registrations
FOR EACH ROW EXECUTE FUNCTION plenary_count_registration();
--> statement-breakpoint
CREATE FUNCTION plenary_choice_registration_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.status INTO NEW.registration_status FROM registrations r WHERE r.id = NEW.registration_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER registration_choices_registration_status
BEFORE INSERT OR UPDATE OF registration_id ON registration_choices
FOR EACH ROW EXECUTE FUNCTION plenary_choice_registration_status();
--> statement-breakpoint
CREATE FUNCTION plenary_count_choice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_held integer := 0; o_wait integer := 0; n_held integer := 0; n_wait integer := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o_held := (OLD.status = 'booked' AND OLD.registration_status IN ('pending','confirmed','offered','awaiting_payment'))::integer;
    o_wait := (OLD.status = 'waitlisted' AND OLD.registration_status NOT IN ('cancelled','rejected'))::integer;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    n_held := (NEW.status = 'booked' AND NEW.registration_status IN ('pending','confirmed','offered','awaiting_payment'))::integer;
    n_wait := (NEW.status = 'waitlisted' AND NEW.registration_status NOT IN ('cancelled','rejected'))::integer;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.option_id = NEW.option_id THEN
    PERFORM plenary_capacity_count(NEW.option_id, n_held - o_held, n_wait - o_wait, 0);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM plenary_capacity_count(OLD.option_id, -o_held, -o_wait, 0); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM plenary_capacity_count(NEW.option_id, n_held, n_wait, 0); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER registration_choices_capacity_count
AFTER INSERT OR DELETE OR UPDATE OF status, option_id, registration_status ON registration_choices
FOR EACH ROW EXECUTE FUNCTION plenary_count_choice();
