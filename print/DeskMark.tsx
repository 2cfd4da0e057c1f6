/**
 * The desk's mark: a speech bubble with a check in a rounded square, a complaint heard and
 * answered. One drawing for the application icon (scripts/assets.mjs renders it to every
 * size), the top bar and the printed papers; `ink` draws it in black for receipt printers.
 */
export const deskMarkColors = { ground: '#1864ab', figure: '#ffffff' } as const;

/** Always beside the desk's or organisation's name in words, so it is hidden from screen readers. */
export function DeskMark(props: { size: string | number; ink?: boolean }) {
  const ground = props.ink ? '#000000' : deskMarkColors.ground;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={props.size} height={props.size} aria-hidden="true">
      <rect width="64" height="64" rx="14" fill={ground} />
      <path d="M15 14h34a5 5 0 0 1 5 5v20a5 5 0 0 1-5 5H31l-11 8v-8h-5a5 5 0 0 1-5-5V19a5 5 0 0 1 5-5z" fill={deskMarkColors.figure} />
      <path d="M22 29.5l6.5 6.5L42 22.5" stroke={ground} strokeWidth="5.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
