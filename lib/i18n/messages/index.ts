import audit from "./en/audit.json";
import auth from "./en/auth.json";
import candidates from "./en/candidates.json";
import common from "./en/common.json";
import handoff from "./en/handoff.json";
import integrations from "./en/integrations.json";
import users from "./en/users.json";
import webhooks from "./en/webhooks.json";

// The catalogue is split by feature (messages/en/<feature>.json, each holding its own top-level
// namespaces) so that features can change their texts side by side; here it becomes one object.
export const englishMessages = { ...common, ...auth, ...candidates, ...handoff, ...users, ...integrations, ...audit, ...webhooks };

