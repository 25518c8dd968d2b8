import { describe, expect, it } from "vitest";

import { neutralizeFormula, toCsvLine, unneutralizeFormula } from "@/lib/csv";

describe("CSV cells a spreadsheet would run", () => {
  it("neutralises every formula start and undoes it on re-import", () => {
    const formula = '=HYPERLINK("http://evil.example","klick")';
    expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    expect(neutralizeFormula("+49 30 1234")).toBe("'+49 30 1234");
    expect(neutralizeFormula("-1+2")).toBe("'-1+2");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("\t=1")).toBe("'\t=1");
    expect(neutralizeFormula("\r=1")).toBe("'\r=1");
    expect(neutralizeFormula("Anna")).toBe("Anna");
    expect(neutralizeFormula("a=b")).toBe("a=b");
    expect(neutralizeFormula("")).toBe("");
    expect(unneutralizeFormula(neutralizeFormula(formula))).toBe(formula);
    expect(unneutralizeFormula("'tis")).toBe("'tis");
  });

  it("quotes what needs quoting, after neutralising", () => {
    const formula = '=HYPERLINK("http://evil.example","klick")';
    expect(toCsvLine([formula, "a;b", 'say "hi"', "x"], ";")).toBe(
      `"'=HYPERLINK(""http://evil.example"",""klick"")";"a;b";"say ""hi""";x`,
    );
    expect(toCsvLine(["=1+1", "two\nlines", "a,b"])).toBe(`'=1+1,"two\nlines","a,b"`);
  });
});
