import { baseline, CHART } from "./geometry";
import { COLORS } from "./styles";

/** The baseline and one label under each slot. */
export function Axis({ labels }: { labels: { text: string; x: number }[] }) {
  return (
    <>
      <line stroke={COLORS.axis} x1={CHART.left} x2={CHART.width - CHART.right} y1={baseline} y2={baseline} />
      {labels.map((l) => (
        <text key={l.text} x={l.x} y={CHART.height - 7} textAnchor="middle" fontSize={12} fill={COLORS.muted}>
          {l.text}
        </text>
      ))}
    </>
  );
}
