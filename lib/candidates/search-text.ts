// How candidate search folds text, in one place: the stored search columns (written by the
// Prisma extension in lib/db/candidate-search-extension.ts, the backfill and the bench's bulk
// inserts) and the words people type go through these same functions, so "MÜLLER", "muller"
// and "mueller" all find "Müller". No "server-only": scripts use it too.

// Letters that Unicode does not decompose into a base letter plus a mark, so stripping marks
// after NFD leaves them as they are. Lowercase only: the text is lowercased first.
const PLAIN_LETTERS: Record<string, string> = {
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŀ: "l",
  ĸ: "k",
  ŉ: "n",
};

// The German (and Scandinavian) spelling of the same letters: Müller is also written Mueller,
// Søren also Soeren. Applied before marks are stripped.
const SPELLED_LETTERS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ø: "oe", å: "aa" };

const MARKS = /\p{M}+/gu;
const PLAIN_PATTERN = new RegExp(`[${Object.keys(PLAIN_LETTERS).join("")}]`, "g");
const SPELLED_PATTERN = new RegExp(`[${Object.keys(SPELLED_LETTERS).join("")}]`, "g");

function fold(value: string, spelled: boolean): string {
  let text = value.normalize("NFC").toLowerCase();
  if (spelled) text = text.replace(SPELLED_PATTERN, (letter) => SPELLED_LETTERS[letter]!);
  return text
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(PLAIN_PATTERN, (letter) => PLAIN_LETTERS[letter]!)
    .normalize("NFC");
}

/** Lowercase without accents: "Øztürk" → "ozturk", "Weiß" → "weiss". */
export function foldPlain(value: string): string {
  return fold(value, false);
}

/** Lowercase with umlauts spelled out: "Müller" → "mueller", "Søren" → "soeren". */
export function foldSpelled(value: string): string {
  return fold(value, true);
}

function words(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

/**
 * The text a candidate is found by: names and email folded plainly, followed by the words
 * whose spelled-out form differs ("Jürgen Müller j.mueller@x.de" →
 * "jurgen muller j.mueller@x.de juergen mueller"). Matched by substring (trigrams).
 */
export function candidateSearchText(candidate: { firstName: string; lastName: string; email: string }): string {
  const source = `${candidate.firstName} ${candidate.lastName} ${candidate.email}`;
  const plain = words(foldPlain(source));
  const extra = words(foldSpelled(source)).filter((word) => !plain.includes(word));
  return [...new Set([...plain, ...extra])].join(" ");
}

/** The prefix keys (short searches match the start of a first name, last name or email). */
export function candidateSearchKeys(candidate: { firstName: string; lastName: string; email: string }) {
  return {
    firstNameKey: foldPlain(candidate.firstName),
    lastNameKey: foldPlain(candidate.lastName),
    emailKey: foldPlain(candidate.email),
  };
}

/** Everything a write stores for search, from the three source columns. */
export function candidateSearchColumns(candidate: { firstName: string; lastName: string; email: string }) {
  return { ...candidateSearchKeys(candidate), searchText: candidateSearchText(candidate) };
}

export type TSearchWord = {
  /** The forms a typed word may match, e.g. "müller" → ["muller", "mueller"]. */
  forms: string[];
  /** Shorter than a trigram: matched as a prefix of a name or email instead of inside them. */
  isShort: boolean;
};

export const SEARCH_MIN_SUBSTRING = 3;
const MAX_SEARCH_WORDS = 5;

/** The words of a search, each with the folded forms to look for. Every word must match. */
export function searchWords(q: string): TSearchWord[] {
  return words(q)
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => {
      const forms = [...new Set([foldPlain(word), foldSpelled(word)])].filter(Boolean);
      return { forms, isShort: Math.min(...forms.map((form) => [...form].length)) < SEARCH_MIN_SUBSTRING };
    })
    .filter((word) => word.forms.length > 0);
}
