// Pure: how the audit page reads each action. One case per action of the typed list, and the
// `never` check at the end: a new action without its words does not compile, and its title must
// be a key of the English catalogue (the catalogue test holds every other language to English).
import type enAudit from "@/lib/i18n/messages/en/audit.json";

import type { AuditAction } from "./actions";

type ActionCatalogue = (typeof enAudit)["audit"]["actions"];
type CatalogueArea = keyof ActionCatalogue & string;
/** An action with words in the catalogue: "actions.<area>.<verb>" exists. */
export type NamedAction = { [Area in CatalogueArea]: `${Area}.${keyof ActionCatalogue[Area] & string}` }[CatalogueArea];

export type ActionReading = {
  /** The action's words: `actions.${title}` in the audit catalogue. */
  title: NamedAction;
  /** What "from" and "to" hold (text when not said). */
  fromTo?: "role" | "stage" | "stages";
  /** "fields" lists Personio's fields (the send form's); otherwise Handoff's own. */
  personioFields?: boolean;
  /** Whose scopes "scopes" lists: an API key's (Handoff's own) or Personio's. */
  scopes?: "api-key" | "personio";
  /** Reasons are the identity provider's (single sign-on). */
  ssoReasons?: boolean;
  /** What "kind" names: the kind of a refused request, or the ATS of a webhook source. */
  kind?: "refusal" | "ats";
  /** Without an actor, a visitor who was not signed in caused it (not the system). */
  byVisitor?: boolean;
};

export function readingOf(action: AuditAction): ActionReading {
  switch (action) {
    case "access.denied":
      return { title: action, kind: "refusal", byVisitor: true };
    case "auth.sign-in":
      return { title: action, byVisitor: true };
    case "auth.password-check":
    case "audit.export":
    case "notification.set-addresses":
    case "background-job.retry":
    case "privacy.set-retention":
    case "privacy.retention-run":
    case "privacy.erase":
    case "privacy.export":
    case "document.upload":
    case "document.download":
    case "document.transfer":
    case "document.fetch-refused":
    case "secrets.rotate-key":
    case "installation.setup":
      return { title: action };
    case "api-key.create":
    case "api-key.revoke":
      return { title: action, scopes: "api-key" };
    case "candidate.create":
    case "candidate.update":
    case "import.start":
    case "import.run":
    case "job.create":
    case "job.rename":
    case "job.update":
      return { title: action };
    case "candidate.move-stage":
      return { title: action, fromTo: "stage" };
    case "handoff.send":
    case "handoff.link":
    case "handoff.update":
      return { title: action, personioFields: true };
    case "handoff.set-sendable-stages":
      return { title: action, fromTo: "stages" };
    case "mapping.save":
    case "mapping.delete":
    case "automatic-send.set-rule":
      return { title: action, personioFields: true };
    case "integration.connect":
    case "integration.update-credentials":
    case "integration.test":
    case "integration.set-fields":
    case "integration.set-document-categories":
    case "integration.enable":
    case "integration.disable":
    case "integration.delete":
      return { title: action, personioFields: true, scopes: "personio" };
    case "role.grant-permission":
    case "role.revoke-permission":
      return { title: action };
    case "sso.configure":
    case "sso.test":
    case "sso.enable":
    case "sso.disable":
    case "sso.require":
    case "sso.unrequire":
    case "sso.map-group":
    case "sso.unmap-group":
      return { title: action, ssoReasons: true };
    case "user.change-role":
      return { title: action, fromTo: "role" };
    case "user.accept-invitation":
    case "user.change-password":
    case "user.create":
    case "user.deactivate":
    case "user.invite":
    case "user.issue-reset-link":
    case "user.reactivate":
    case "user.reissue-invitation":
    case "user.request-reset-link":
    case "user.reset-password":
    case "user.sign-out-everywhere":
      return { title: action };
    case "webhook-source.create":
    case "webhook-source.delete":
    case "webhook-source.disable":
    case "webhook-source.enable":
    case "webhook-source.rotate-secret":
    case "webhook.unhired-after-send":
      return { title: action, kind: "ats" };
    default: {
      const unread: never = action;
      return unread;
    }
  }
}
