import apiKeys from "./en/api-keys.json";
import audit from "./en/audit.json";
import auth from "./en/auth.json";
import candidates from "./en/candidates.json";
import common from "./en/common.json";
import handoff from "./en/handoff.json";
import imports from "./en/imports.json";
import integrations from "./en/integrations.json";
import jobs from "./en/jobs.json";
import users from "./en/users.json";
import webhooks from "./en/webhooks.json";

// The catalogue is split by feature (messages/en/<feature>.json, each holding its own top-level
// namespaces) so that features can change their texts side by side; here it becomes one object.
export const englishMessages = { ...common, ...auth, ...candidates, ...handoff, ...users, ...integrations, ...audit, ...apiKeys, ...imports, ...jobs, ...webhooks };

