import type { CSSProperties } from "react";
import type { DiffSegment } from "@/lib/activity/diff";

// Not by colour alone: added text is underlined, removed text struck
// through, and screen readers hear "added:" / "removed:" before each.
const INS: CSSProperties = {
  textDecorationLine: "underline",
  textDecorationThickness: "2px",
  textUnderlineOffset: "2px",
  background: "var(--ok-bg)",
  color: "var(--ok)",
};
const DEL: CSSProperties = {
  textDecorationLine: "line-through",
  textDecorationThickness: "2px",
  background: "var(--err-bg)",
  color: "var(--err)",
};
const BOX: CSSProperties = {
  background: "#fafafb",
  border: "1px solid var(--border)",
  borderRadius: 6,
  padding: ".5rem .75rem",
  margin: ".25rem 0 0",
};

/** Unchanged text kept on each side of a change; longer stretches are elided. */
const CONTEXT = 120;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

type Piece = DiffSegment | { kind: "elided"; graphemes: number };

/** Old and new text in one block: insertions as <ins>, deletions as <del>. */
export function DiffView({ segments }: { segments: DiffSegment[] }) {
  return (
    <p className="pre-wrap" style={BOX}>
      {condense(segments).map((p, i) => {
        if (p.kind === "same") return <span key={i}>{p.text}</span>;
        if (p.kind === "elided") {
          return (
            <span key={i} className="muted">
              {" "}
              [… {p.graphemes.toLocaleString("en-GB")} unchanged characters …]{" "}
            </span>
          );
        }
        const Tag = p.kind === "added" ? "ins" : "del";
        return (
          <Tag key={i} style={p.kind === "added" ? INS : DEL}>
            <span className="visually-hidden">[{p.kind}: </span>
            {/* A change of spaces or line breaks alone would be invisible. */}
            {/^\s+$/.test(p.text) && <span aria-hidden="true">{p.text.includes("\n") ? "¶" : "·"}</span>}
            {p.text}
            <span className="visually-hidden">]</span>
          </Tag>
        );
      })}
    </p>
  );
}

/** Long unchanged stretches shortened to their ends next to a change, cut between words when possible. */
function condense(segments: DiffSegment[]): Piece[] {
  return segments.flatMap((s, i): Piece[] => {
    if (s.kind !== "same") return [s];
    const g = Array.from(graphemes.segment(s.text), (x) => x.segment);
    const head = i > 0 ? wordCut(g, CONTEXT, -1) : 0;
    const tail = i < segments.length - 1 ? g.length - wordCut(g, g.length - CONTEXT, 1) : 0;
    if (g.length <= head + tail + CONTEXT / 2) return [s];
    return [
      { kind: "same" as const, text: g.slice(0, head).join("") },
      { kind: "elided" as const, graphemes: g.length - head - tail },
      { kind: "same" as const, text: g.slice(g.length - tail).join("") },
    ].filter((p) => p.kind === "elided" || p.text);
  });
}

/** A cut near `at`, moved up to 30 graphemes in `direction` to fall just after a space. */
function wordCut(g: string[], at: number, direction: 1 | -1): number {
  for (let i = at, n = 0; n < 30 && i > 0 && i < g.length; i += direction, n++) {
    if (/\s/.test(g[i - 1])) return i;
  }
  return Math.max(0, Math.min(at, g.length));
}
