import { describe, expect, it } from "vitest";

import {
  candidateSearchColumns,
  candidateSearchText,
  foldPlain,
  foldSpelled,
  searchWords,
} from "@/lib/candidates/search-text";

describe("search folding", () => {
  it.each([
    ["Müller", "muller", "mueller"],
    ["MÜLLER", "muller", "mueller"],
    ["Öztürk", "ozturk", "oeztuerk"],
    ["Weiß", "weiss", "weiss"],
    ["Søren Ødegaard", "soren odegaard", "soeren oedegaard"],
    ["Łukasz Wójcik", "lukasz wojcik", "lukasz wojcik"],
    ["Dvořák", "dvorak", "dvorak"],
    ["Yılmaz", "yilmaz", "yilmaz"],
    ["Æsa Œuvre", "aesa oeuvre", "aesa oeuvre"],
    ["García-López", "garcia-lopez", "garcia-lopez"],
    // Decomposed input (as some keyboards and macOS file names send it) folds the same.
    ["Mu\u0308ller", "muller", "mueller"],
  ])("%s → %s / %s", (input, plain, spelled) => {
    expect(foldPlain(input)).toBe(plain);
    expect(foldSpelled(input)).toBe(spelled);
  });

  it("stores both foldings once, names and email", () => {
    expect(candidateSearchText({ firstName: "Jürgen", lastName: "Müller", email: "j.mueller@example.com" })).toBe(
      "jurgen muller j.mueller@example.com juergen mueller",
    );
    expect(candidateSearchText({ firstName: "Anna", lastName: "Berg", email: "Anna.Berg@Example.com" })).toBe(
      "anna berg anna.berg@example.com",
    );
  });

  it("writes the prefix keys folded plainly", () => {
    expect(candidateSearchColumns({ firstName: "Örjan", lastName: "Weiß", email: "O.Weiss@x.de" })).toMatchObject({
      firstNameKey: "orjan",
      lastNameKey: "weiss",
      emailKey: "o.weiss@x.de",
    });
  });

  it("splits a search into words with the forms each may match", () => {
    expect(searchWords("  MÜLLER  anna ")).toEqual([
      { forms: ["muller", "mueller"], isShort: false },
      { forms: ["anna"], isShort: false },
    ]);
    expect(searchWords("mü")).toEqual([{ forms: ["mu", "mue"], isShort: true }]);
    expect(searchWords("bergmann@")).toEqual([{ forms: ["bergmann@"], isShort: false }]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords("a b c d e f g")).toHaveLength(5);
  });
});
