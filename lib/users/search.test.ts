import { describe, expect, it } from "vitest";

import { filterUsers } from "./search";

const people = [
  { name: "Jürgen Müller", email: "j.mueller@example.com" },
  { name: "Ayşe Öztürk", email: "ayse@example.com" },
  { name: "Lena Bergmann", email: "bergmann@example.org" },
  { name: "Søren Weiß", email: "soren@example.net" },
];
const names = (q: string) => filterUsers(people, q).map((person) => person.name);

describe("filterUsers", () => {
  it("returns everyone for an empty or blank search", () => {
    expect(filterUsers(people, "")).toEqual(people);
    expect(filterUsers(people, "   ")).toEqual(people);
  });

  it("ignores case, accents and the spelled-out umlaut", () => {
    for (const q of ["muller", "mueller", "MÜLLER", "Muller"]) expect(names(q), q).toEqual(["Jürgen Müller"]);
    for (const q of ["ozturk", "ÖZTÜRK", "oeztuerk"]) expect(names(q), q).toEqual(["Ayşe Öztürk"]);
    expect(names("weiss")).toEqual(["Søren Weiß"]);
    expect(names("soren")).toEqual(["Søren Weiß"]);
  });

  it("matches inside names and emails, not only prefixes", () => {
    expect(names("ller")).toEqual(["Jürgen Müller"]);
    expect(names("bergmann@")).toEqual(["Lena Bergmann"]);
    expect(names("example.org")).toEqual(["Lena Bergmann"]);
  });

  it("needs every word to match", () => {
    expect(names("lena bergmann")).toEqual(["Lena Bergmann"]);
    expect(names("lena muller")).toEqual([]);
    expect(names("nobody")).toEqual([]);
  });
});
