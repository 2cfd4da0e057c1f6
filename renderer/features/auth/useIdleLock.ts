import { useEffect, useRef } from 'react';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `lock` after `minutes` without keyboard, mouse or touch. Paused while `paused` (the
 * screen is already locked). The clock restarts on any activity anywhere in the window.
 */
export function useIdleLock(minutes: number | null, paused: boolean, lock: () => void) {
  const lockRef = useRef(lock);
  lockRef.current = lock;
  useEffect(() => {
    if (paused || minutes === null || !(minutes > 0)) return;
    const ms = minutes * 60_000;
    let timer = window.setTimeout(() => lockRef.current(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lockRef.current(), ms);
    };
    for (const type of activity) window.addEventListener(type, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [minutes, paused]);
}
