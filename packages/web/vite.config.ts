import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const here = (relative: string): string =>
  decodeURIComponent(new URL(relative, import.meta.url).pathname);

const apiTarget = 'http://localhost:3000';

/** Mantine blue 9, as in index.html's theme-color: the installed app's title bar. */
const themeColor = '#1864ab';

/**
 * Installable, offline-capable app (docs/offline.md): the manifest, and the service worker
 * built from src/sw.ts with the list of built files injected. main.tsx registers it (no inline
 * script: the CSP forbids them), in production builds only.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: {
    name: 'Steady',
    short_name: 'Steady',
    description: 'Your diazepam plan, doses and check-ins, with your care team.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: themeColor,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    rollupFormat: 'iife',
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
  },
});

export default defineConfig({
  root: here('.'),
  plugins: [react(), pwa],
  resolve: {
    // Use the core package's TypeScript sources directly: no build step needed for the web app.
    alias: { '@steady/core': here('../core/src/index.ts') },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The ECharts chunk (~540 kB) is loaded only when History opens.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change less often than the app, so browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
            },
            {
              name: 'data',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|luxon|wouter)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
