/** A web-address form of a name: "RustFest Lyon 2027!" → "rustfest-lyon-2027" (accents dropped, at most 60 characters). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
}
