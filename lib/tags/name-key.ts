/** A tag's name as compared for uniqueness in its event: "Needs  Mentor" and "needs mentor" are one tag. */
export function tagNameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("und");
}
