/**
 * Builds the explorer into explorer/dist: hashed, minified files under
 * /explorer-assets/ and index.html, with no inline script or style, so the page
 * runs under a strict Content-Security-Policy.
 */
import { defineConfig } from 'vite';

export const ASSETS_DIR = 'explorer-assets';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // JSX by Vite's own transform (React's automatic runtime), without a plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: ASSETS_DIR,
    target: 'es2022',
    // No inline data: URLs for assets: the CSP allows only the page's own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
