// The Users page's search: the same folding as the candidate search (lib/candidates/search-text),
// so "muller", "MÜLLER" and "mueller" find "Müller", and a part of a name or email finds it too.
// Pure, no "server-only": the list of people who sign in is short (an installation's staff), so it
// is filtered after reading rather than through a search index.

import { candidateSearchText, searchWords } from "@/lib/candidates/search-text";

export const USER_SEARCH_MAX = 100;

/** The users whose name or email contains every word of `q` (all of them for an empty `q`). */
export function filterUsers<T extends { name: string; email: string }>(users: T[], q: string): T[] {
  const words = searchWords(q.slice(0, USER_SEARCH_MAX));
  if (words.length === 0) return users;
  return users.filter((user) => {
    const text = candidateSearchText({ firstName: user.name, lastName: "", email: user.email });
    return words.every((word) => word.forms.some((form) => text.includes(form)));
  });
}
