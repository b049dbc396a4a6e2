/** Shared layout of the bar charts, in SVG user units (the SVG scales to its container). */
export const CHART = { width: 260, height: 140, top: 18, bottom: 24, left: 4, right: 4 } as const;

export const baseline = CHART.height - CHART.bottom;

/** x position and width of each of `n` equal slots across the plot area, with a gap between slots. */
export function slots(n: number): { x: number; width: number }[] {
  const inner = CHART.width - CHART.left - CHART.right;
  const slot = inner / Math.max(1, n);
  const gap = Math.min(8, slot * 0.2);
  return Array.from({ length: n }, (_, i) => ({ x: CHART.left + i * slot + gap / 2, width: slot - gap }));
}

/** Height in user units of a bar for `value` when the tallest bar is `max`. */
export function barHeight(value: number, max: number): number {
  const plot = CHART.height - CHART.top - CHART.bottom;
  return max > 0 ? (value / max) * plot : 0;
}

/** 0.256 → "26%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
