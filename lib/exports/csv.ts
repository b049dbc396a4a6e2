// CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel reads
// accents), RFC 4180 quoting (fields with a comma, a quote or a line break are
// quoted, quotes doubled, CRLF between records), and no formula injection:
// a text cell that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, as OWASP advises, so a spreadsheet shows it as text
// instead of running it. Numbers are written as numbers.
export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly Cell[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
