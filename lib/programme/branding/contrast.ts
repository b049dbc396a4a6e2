// WCAG 2.x contrast between two sRGB colours ("#rrggbb").

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** From 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Where public pages use the accent: as the colour of links and headings on
 * the page background (--bg) and on cards (--surface), and as the background
 * of the primary button under white text. Keep in step with app/globals.css.
 */
export const ACCENT_BACKGROUNDS = [
  { name: "the page background", hex: "#f7f7f8" },
  { name: "white", hex: "#ffffff" },
] as const;

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** The lowest contrast of the accent against the colours it meets, and which one. */
export function weakestContrast(accent: string): { ratio: number; against: string } {
  return ACCENT_BACKGROUNDS.map((bg) => ({ ratio: contrastRatio(accent, bg.hex), against: bg.name })).sort((a, b) => a.ratio - b.ratio)[0];
}
