// Two people work at the same place if their companies normalize to the same
// key: case, accents, punctuation and legal-form suffixes are ignored, so
// "Ferrous Systems GmbH" and "ferrous-systems" match. Used to flag possible
// conflicts of interest; an organizer confirms or dismisses each flag.
const LEGAL_FORMS = new Set([
  "inc",
  "incorporated",
  "llc",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "bv",
  "nv",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "oy",
  "ab",
  "as",
  "srl",
  "spa",
  "kg",
  "pty",
]);

/** Not an employer: two freelancers are not colleagues. */
const NOT_A_COMPANY = new Set([
  "freelance",
  "freelancer",
  "self employed",
  "selfemployed",
  "independent",
  "consultant",
  "student",
  "retired",
  "unemployed",
  "none",
  "n a",
  "na",
  "no",
  "various",
]);

export function companyKey(company: string): string {
  const words = company
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  const key = words.join(" ");
  return NOT_A_COMPANY.has(key) ? "" : key;
}
