import { useCallback, useEffect, useMemo } from 'react';

/**
 * Optional read-aloud with the browser's speech synthesis. `available` is false where the
 * browser has none (the toggle is then hidden). Speech stops when the component leaves.
 */
export function useSpeech(enabled: boolean) {
  const synth = useMemo(
    () =>
      typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null,
    [],
  );
  const speak = useCallback(
    (text: string) => {
      if (synth === null || !enabled) return;
      synth.cancel();
      synth.speak(new SpeechSynthesisUtterance(text));
    },
    [synth, enabled],
  );
  useEffect(() => {
    if (!enabled) synth?.cancel();
  }, [enabled, synth]);
  useEffect(() => () => synth?.cancel(), [synth]);
  return { available: synth !== null, speak };
}
