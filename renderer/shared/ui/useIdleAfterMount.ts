import { useEffect, useState } from 'react';

/** The longest a caller waits for the window to be idle: a busy page still gets its extras. */
const idleTimeoutMs = 1_000;

/**
 * False until the window is first idle after the component mounted: for what a page can show a
 * moment later (the top bar's states), so that it is neither rendered nor asked for while the
 * page's own content is on its way.
 */
export function useIdleAfterMount(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const handle = requestIdleCallback(() => setIdle(true), { timeout: idleTimeoutMs });
    return () => cancelIdleCallback(handle);
  }, []);
  return idle;
}
