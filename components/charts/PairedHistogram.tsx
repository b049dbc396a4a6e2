import type { HistogramBin } from "@/lib/reviews/stats";
import { Axis } from "./Axis";
import { barHeight, baseline, CHART, percent, slots } from "./geometry";
import * as s from "./styles";

type Props = {
  caption: string;
  /** A group's counts (one reviewer's) and the reference counts (the team's), bin by bin. */
  own: HistogramBin[];
  reference: HistogramBin[];
  ownLabel: string;
  referenceLabel: string;
  binHeading: string;
};

const share = (count: number, total: number) => (total > 0 ? count / total : 0);

/**
 * Two distributions side by side, each as shares of its own total so that 12
 * reviews compare with 300: filled bars for the group, dashed outlines for the
 * reference (told apart without color). A visually hidden table gives each
 * count and share.
 */
export function PairedHistogram({ caption, own, reference, ownLabel, referenceLabel, binHeading }: Props) {
  const ownTotal = own.reduce((sum, b) => sum + b.count, 0);
  const refTotal = reference.reduce((sum, b) => sum + b.count, 0);
  const bins = own.map((b, i) => {
    const refCount = reference[i]?.count ?? 0;
    return { label: b.label, ownCount: b.count, refCount, own: share(b.count, ownTotal), ref: share(refCount, refTotal) };
  });
  const max = Math.max(0, ...bins.flatMap((b) => [b.own, b.ref]));
  const positions = slots(bins.length);
  return (
    <figure style={s.figure}>
      <figcaption style={s.caption}>{caption}</figcaption>
      <svg style={s.svg} viewBox={`0 0 ${CHART.width} ${CHART.height}`} aria-hidden="true" focusable="false">
        <Axis labels={bins.map((b, i) => ({ text: b.label, x: positions[i].x + positions[i].width / 2 }))} />
        {bins.map((b, i) => {
          const { x, width } = positions[i];
          const half = width / 2;
          const ownH = barHeight(b.own, max);
          const refH = barHeight(b.ref, max);
          return (
            <g key={b.label}>
              {ownH > 0 && <rect fill={s.COLORS.bar} x={x} y={baseline - ownH} width={half - 1} height={ownH} />}
              {refH > 0 && (
                <rect
                  fill="#fff"
                  stroke={s.COLORS.reference}
                  strokeWidth={1.5}
                  strokeDasharray="3 2"
                  x={x + half + 1}
                  y={baseline - refH}
                  width={half - 1}
                  height={refH}
                />
              )}
            </g>
          );
        })}
      </svg>
      <ul style={s.legend} aria-hidden="true">
        <li>
          <span style={s.swatch} />
          {ownLabel}
        </li>
        <li>
          <span style={s.referenceSwatch} />
          {referenceLabel}
        </li>
      </ul>
      <table style={s.visuallyHidden}>
        <thead>
          <tr>
            <th scope="col">{binHeading}</th>
            <th scope="col">{ownLabel}</th>
            <th scope="col">{referenceLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>
                {b.ownCount} ({percent(b.own)})
              </td>
              <td>
                {b.refCount} ({percent(b.ref)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
