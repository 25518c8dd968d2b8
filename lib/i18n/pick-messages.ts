import type { englishMessages } from "@/lib/i18n/messages";

export type MessageNamespace = keyof typeof englishMessages;

// The part of the catalogue some client components need (kept apart from the provider
// component, so importing this does not put the i18n runtime into a page's JavaScript).
export function pickMessages(messages: Record<string, unknown>, namespaces: MessageNamespace[]) {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}
