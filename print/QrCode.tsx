/** A QR code as inline SVG: crisp at any printer resolution, no image file, allowed by the CSP. */
export function QrCode(props: { matrix: boolean[][]; sizeMm: number; label: string }) {
  const quiet = 4;
  const n = props.matrix.length + quiet * 2;
  let d = '';
  props.matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    });
  });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${n} ${n}`}
      width={`${props.sizeMm}mm`}
      height={`${props.sizeMm}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={props.label}
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
