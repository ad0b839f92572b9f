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
