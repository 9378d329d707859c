import { useEffect, useRef, useState } from 'react';

/** Milliseconds a session has been running, paused while `running` is false. Ticks every `tickMs`. */
export function useElapsed(
  running: boolean,
  tickMs = 200,
): { elapsedMs: number; reset: () => void } {
  const [elapsedMs, setElapsed] = useState(0);
  const base = useRef(0);
  const since = useRef<number | null>(null);
  useEffect(() => {
    if (!running) return;
    since.current = performance.now();
    const id = window.setInterval(() => {
      if (since.current !== null) setElapsed(base.current + performance.now() - since.current);
    }, tickMs);
    return () => {
      window.clearInterval(id);
      if (since.current !== null) base.current += performance.now() - since.current;
      since.current = null;
      setElapsed(base.current);
    };
  }, [running, tickMs]);
  const reset = () => {
    base.current = 0;
    since.current = running ? performance.now() : null;
    setElapsed(0);
  };
  return { elapsedMs, reset };
}
