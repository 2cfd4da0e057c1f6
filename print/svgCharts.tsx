/**
 * Charts drawn as plain SVG for print: no browser layout, no script, the same on paper as in a
 * PDF. Sizes are in SVG units; the page scales them to the column width.
 */
const palette = ['#1c7ed6', '#12b886', '#f76707', '#ae3ec9', '#e03131', '#1098ad', '#74b816', '#d6336c'];

export interface BarDatum {
  label: string;
  values: number[];
}

function niceMax(max: number): number {
  if (max <= 5) return Math.max(max, 1);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/** Horizontal bars, one row per item, longest first; long names are cut to fit. */
export function HorizontalBars(props: { data: BarDatum[]; width?: number; title: string; empty: string }) {
  const width = props.width ?? 640;
  const labelWidth = 150;
  const rowHeight = 22;
  const data = props.data.slice(0, 12);
  if (data.length === 0) return <p className="empty">{props.empty}</p>;
  const max = niceMax(Math.max(...data.map((d) => d.values[0] ?? 0)));
  const barArea = width - labelWidth - 40;
  const height = data.length * rowHeight + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title} className="chart">
      {data.map((d, i) => {
        const value = d.values[0] ?? 0;
        const w = (value / max) * barArea;
        const y = i * rowHeight + 4;
        const label = d.label.length > 11 ? `${d.label.slice(0, 10)}…` : d.label;
        return (
          <g key={d.label}>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12">
              {label}
            </text>
            <rect x={labelWidth} y={y + 2} width={Math.max(w, value > 0 ? 2 : 0)} height={rowHeight - 8} fill={palette[0]} />
            <text x={labelWidth + w + 4} y={y + 14} fontSize="12">
              {value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars over time, one or two series side by side, with a legend. */
export function TimeBars(props: { data: BarDatum[]; series: string[]; width?: number; title: string; empty: string }) {
  const width = props.width ?? 640;
  const height = 190;
  const left = 34;
  const bottom = 34;
  const top = 22;
  if (props.data.length === 0) return <p className="empty">{props.empty}</p>;
  const max = niceMax(Math.max(...props.data.flatMap((d) => d.values)));
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const slot = plotW / props.data.length;
  const barW = Math.min(18, (slot * 0.8) / props.series.length);
  const labelEvery = Math.ceil(props.data.length / 16);
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 2, max];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title} className="chart">
      {ticks.map((v) => {
        const y = top + plotH - (v / max) * plotH;
        return (
          <g key={v}>
            <line x1={left} x2={width - 8} y1={y} y2={y} stroke="#ccc" strokeWidth="0.6" />
            <text x={left - 4} y={y + 4} textAnchor="end" fontSize="10">
              {Number.isInteger(v) ? v : v.toFixed(1)}
            </text>
          </g>
        );
      })}
      {props.data.map((d, i) => {
        const x0 = left + i * slot + (slot - barW * props.series.length) / 2;
        return (
          <g key={d.label}>
            {d.values.map((v, s) => {
              const h = (v / max) * plotH;
              return (
                <rect
                  key={props.series[s]}
                  x={x0 + s * barW}
                  y={top + plotH - h}
                  width={barW - 1}
                  height={h}
                  fill={palette[s % palette.length]}
                />
              );
            })}
            {i % labelEvery === 0 && (
              <text x={left + i * slot + slot / 2} y={height - bottom + 14} textAnchor="middle" fontSize="10">
                {d.label}
              </text>
            )}
          </g>
        );
      })}
      {props.series.map((name, s) => (
        <g key={name}>
          <rect x={left + s * 90} y={4} width={10} height={10} fill={palette[s % palette.length]} />
          <text x={left + s * 90 + 14} y={13} fontSize="11">
            {name}
          </text>
        </g>
      ))}
    </svg>
  );
}
