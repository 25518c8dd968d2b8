-- A fresh installation's review form offers hire date, department and office besides the job title
-- (lib/personio-fields/config.ts, DEFAULT_FIELD_CONFIG). An installation set up before keeps what
-- its recruiters have been sending, the job title only, written down as its choice here. An admin
-- adds the other fields under Integrations → Personio → Fields when HR wants them.
INSERT INTO "PersonioFieldConfig" ("id", "fields", "updatedAt")
SELECT 'personio', '{"fields":[{"key":"position","source":"jobTitle"}]}', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Installation") AND NOT EXISTS (SELECT 1 FROM "PersonioFieldConfig");
