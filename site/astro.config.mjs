// Astro config of the catalogue. `buildSite` (site/build.ts) adds per-build
// settings (outDir, cache folders, log level) on top of this.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  // Pages are `dir/index.html`; links are written with a trailing slash.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  trailingSlash: 'ignore',
  // Nothing in the catalogue needs these; they would only add work and requests.
  prefetch: false,
  devToolbar: { enabled: false },
  scopedStyleStrategy: 'class',
  compressHTML: true,
  vite: {
    build: {
      // Assets are never inlined as data: URLs into CSS/HTML.
      assetsInlineLimit: 0,
    },
  },
});
