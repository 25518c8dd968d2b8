-- The audit log's actions follow one scheme, "<area>.<verb>" with the area singular (see
-- lib/audit-log/actions.ts): entries stored under the earlier names are renamed, so the log still
-- describes them and the category filter still finds them.
UPDATE "AuditLog" SET "action" = 'import.start' WHERE "action" = 'candidates.import-start';
UPDATE "AuditLog" SET "action" = 'import.run' WHERE "action" = 'candidates.import';
-- A job changed on a screen said "via": "app"; candidate changes say "screen", and so do jobs now.
-- Details are JSON as JSON.stringify writes it (no spaces), so the pair is matched as written.
UPDATE "AuditLog" SET "details" = REPLACE("details", '"via":"app"', '"via":"screen"')
WHERE "action" LIKE 'job.%' AND "details" LIKE '%"via":"app"%';
