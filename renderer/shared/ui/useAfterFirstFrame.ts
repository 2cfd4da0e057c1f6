import { useEffect, useState } from 'react';

/**
 * False for a component's first render, true from the next frame on: for the parts of a page that
 * may be drawn a moment after its content, so that the content reaches the screen without waiting
 * for them.
 */
export function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAfter(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return after;
}
