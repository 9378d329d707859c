/**
 * Register the service worker (/sw.js, built from src/sw.ts) from the app's own code: the
 * server's Content-Security-Policy forbids inline scripts. Production builds only (main.tsx).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    // A browser that refuses (private mode, unsupported) runs the app without offline support.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
