-- Partners that already hold a key or a webhook for an event keep working with it:
-- link them to that event (finding 10 made the link the rule).
INSERT INTO "event_partners" ("event_id", "partner_id")
SELECT DISTINCT "event_id", "partner_id" FROM "api_keys" WHERE "event_id" IS NOT NULL
UNION
SELECT DISTINCT "event_id", "partner_id" FROM "webhook_subscriptions"
ON CONFLICT DO NOTHING;
