import type { HistogramBin } from "@/lib/reviews/stats";
import { Axis } from "./Axis";
import { barHeight, baseline, CHART, slots } from "./geometry";
import * as s from "./styles";

type Props = {
  /** Names the figure: shown above the chart and read by screen readers. */
  caption: string;
  bins: HistogramBin[];
  /** Column headings of the table alternative, e.g. "Score" and "Reviews". */
  binHeading: string;
  countHeading: string;
};

/**
 * A bar chart of counts, drawn on the server as inline SVG. The SVG is for
 * sighted readers; the figure's caption and a visually hidden table carry the
 * same numbers for everyone else.
 */
export function Histogram({ caption, bins, binHeading, countHeading }: Props) {
  const max = Math.max(0, ...bins.map((b) => b.count));
  const positions = slots(bins.length);
  return (
    <figure style={s.figure}>
      <figcaption style={s.caption}>{caption}</figcaption>
      <svg style={s.svg} viewBox={`0 0 ${CHART.width} ${CHART.height}`} aria-hidden="true" focusable="false">
        <Axis labels={bins.map((b, i) => ({ text: b.label, x: positions[i].x + positions[i].width / 2 }))} />
        {bins.map((bin, i) => {
          const { x, width } = positions[i];
          const h = barHeight(bin.count, max);
          return (
            <g key={bin.label}>
              {h > 0 && <rect fill={s.COLORS.bar} x={x} y={baseline - h} width={width} height={h} />}
              <text x={x + width / 2} y={baseline - h - 4} textAnchor="middle" fontSize={13} fill={s.COLORS.text}>
                {bin.count}
              </text>
            </g>
          );
        })}
      </svg>
      <table style={s.visuallyHidden}>
        <thead>
          <tr>
            <th scope="col">{binHeading}</th>
            <th scope="col">{countHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin) => (
            <tr key={bin.label}>
              <th scope="row">{bin.label}</th>
              <td>{bin.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
