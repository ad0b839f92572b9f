-- agreements: a saved version of a text is never changed (issue 13: "which version was
-- signed" must always mean the same words). Deleting stays possible only by cascade
-- from its agreement; no procedure deletes an agreement.
CREATE OR REPLACE FUNCTION agreement_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'agreement versions are immutable' USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER agreement_versions_no_update BEFORE UPDATE ON agreement_versions
FOR EACH ROW EXECUTE FUNCTION agreement_versions_immutable();
