// Length limits count what a person sees as characters (grapheme clusters),
// the same way in the browser counter and in the server's zod schema, so an
// emoji or an accented letter never counts as two.
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function textLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}
