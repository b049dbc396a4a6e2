import type { CSSProperties } from "react";

// Inline, so the charts need no stylesheet of their own. The colors are the
// site palette's (app/globals.css): accent, muted text, border, text.
export const COLORS = { bar: "#b7410e", reference: "#5b5f6b", axis: "#d9dbe1", text: "#1c1d21", muted: "#5b5f6b" } as const;

/** Read by screen readers, not shown. */
export const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
  border: 0,
};

export const figure: CSSProperties = { margin: 0, position: "relative" };
export const caption: CSSProperties = { fontWeight: 600, marginBottom: ".35rem" };
export const svg: CSSProperties = { display: "block", width: "100%", maxWidth: "26rem", height: "auto" };
export const legend: CSSProperties = {
  display: "flex",
  gap: "1rem",
  flexWrap: "wrap",
  margin: ".25rem 0 0",
  padding: 0,
  listStyle: "none",
  fontSize: ".85rem",
  color: COLORS.muted,
};
export const swatch: CSSProperties = {
  width: ".9rem",
  height: ".9rem",
  display: "inline-block",
  marginRight: ".35rem",
  verticalAlign: "-2px",
  background: COLORS.bar,
};
export const referenceSwatch: CSSProperties = { ...swatch, background: "#fff", border: `1.5px dashed ${COLORS.reference}` };
