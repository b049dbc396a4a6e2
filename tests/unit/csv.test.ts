import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvRow } from "@/lib/exports/csv";
import { parseCsv } from "@/tests/support/csv-parse";

describe("CSV cells", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180), and leaves plain text alone", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvRow(["x", 1.5, null, true])).toBe("x,1.5,,true\r\n");
  });

  it("defuses formulas: text starting with = + - @ tab or CR gets a leading apostrophe; numbers stay numbers", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell(-2)).toBe("-2");
  });

  it("reads back exactly what was written", () => {
    const values = ['Zoë, "the" speaker', "=1+1", "line\r\nbreak", ""];
    expect(parseCsv(BOM.slice(1) + csvRow(values))).toEqual([['Zoë, "the" speaker', "'=1+1", "line\r\nbreak", ""]]);
  });
});
