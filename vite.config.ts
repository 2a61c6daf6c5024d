/**
 * Build of the static site. Three constraints shape it (issues 2 and 9):
 * - it must work unchanged at a site root and under any sub-path, so the base is relative
 *   (`./`) unless BASE_PATH says otherwise;
 * - it must work offline, so a service worker precaches the shell, the engine worker and
 *   Monaco, and caches the IAM data on first use;
 * - it must never load anything from another origin, so Monaco is bundled (see
 *   app/editor/monaco.ts) and a Content-Security-Policy is written into the built page.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import iamData, { iamDataVersion } from './scripts/vite-plugin-iam-data';

/**
 * Origins a teacher's packs of exercises may be fetched from (`?pack=https://…`), as a
 * space-separated list in `PACK_ORIGINS` at build time (`PACK_ORIGINS="https://teacher.example"
 * npm run build`). By default none: the site connects only to itself, so a pack on another
 * origin is refused by the browser (the Exercises view says the fetch failed) and the
 * learner can still download it and open the file. Each origin must also answer with CORS
 * headers. Widening `connect-src` to every https origin would let an injected script send
 * the learner's worlds anywhere: a deployment names the few origins it trusts instead.
 */
export function packOrigins(value = process.env.PACK_ORIGINS ?? ''): string[] {
  return value
    .split(/\s+/)
    .filter((origin) => origin !== '')
    .map((origin) => {
      const url = new URL(origin);
      if (url.protocol !== 'https:' || url.origin !== origin.replace(/\/$/, '')) throw new Error(`PACK_ORIGINS: \`${origin}\` is not an https origin (scheme, host and port only).`);
      return url.origin;
    });
}

/**
 * The policy of the built page. `style-src 'unsafe-inline'` is needed because Monaco and
 * React Flow create <style> elements at run time; scripts stay strictly `'self'` (no
 * inline script, no eval). Workers come from our own files only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  ["connect-src 'self'", ...packOrigins()].join(' '),
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the CSP meta tag to the production page only: the dev server needs inline scripts (React refresh). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'iam-playground:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/**
 * The page's entry (app/boot.ts) only starts the engine and the loading, then imports the app
 * (app/main.tsx). This preloads the app's chunks and styles from the page itself, so they
 * download beside the entry instead of after it has run: the entry is small so that it runs
 * early, not so that the app waits for it.
 */
function preloadApp(): Plugin {
  let base = './';
  return {
    name: 'iam-playground:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/app/main.tsx'));
        if (!app) throw new Error('preloadApp: the build has no chunk for app/main.tsx.');
        /** A chunk and every chunk it imports statically. */
        const closure = (fileName: string | undefined, into = new Set<string>()): Set<string> => {
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          if (!chunk || into.has(chunk.fileName)) return into;
          into.add(chunk.fileName);
          chunk.imports.forEach((imported) => closure(imported, into));
          return into;
        };
        // What the entry imports statically is preloaded by Vite already.
        const known = closure(context.chunk?.fileName);
        const scripts = [...closure(app.fileName)].filter((fileName) => !known.has(fileName));
        const styles = new Set(scripts.flatMap((fileName) => [...(chunks.find((c) => c.fileName === fileName)?.viteMetadata?.importedCss ?? [])]));
        const href = (fileName: string) => (base === './' || base === '' ? `./${fileName}` : `${base}${fileName}`);
        return [
          ...scripts.map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) }, injectTo: 'head' as const })),
          ...[...styles].map((fileName) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: href(fileName) }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig(() => ({
  base: process.env.BASE_PATH ?? './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    preloadApp(),
    // Serves and emits `data/managed-policies/*.json` and `data/iam-data/**` under the base.
    iamData(),
    VitePWA({
      // The app registers the worker itself (app/pwa/serviceWorker.ts) and offers updates;
      // an injected inline register script would break the CSP.
      injectRegister: false,
      registerType: 'prompt',
      // globPatterns below already precache every icon and sample: listing them again would duplicate entries.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        name: 'IAM Playground',
        short_name: 'IAM Playground',
        description: 'Build a small AWS world and watch IAM decide every request. 한국어와 영어로, 오프라인에서도.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1f3a5f',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,woff2,json,webmanifest}'],
        // The IAM data is large and only partly used: cached at run time instead (below).
        globIgnores: ['data/**'],
        // The Monaco chunk is ~4 MB; Workbox would silently skip it at the default 2 MiB.
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/data\//],
        // The first visit's engine worker fetches IAM data: claim it at once so those
        // fetches already go through the runtime cache below.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Packs of exercises opened by address (`?pack=`, same origin or a PACK_ORIGINS
            // one): the network first, so a teacher's update is seen, and the cached copy
            // offline. (The shipped packs in packs/ are precached; the app also keeps every
            // opened pack's text in localStorage.)
            urlPattern: ({ url, request, sameOrigin }) =>
              request.destination === '' && url.pathname.endsWith('.json') && !(sameOrigin && url.pathname.includes('/data/')),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'iam-packs',
              networkTimeoutSeconds: 5,
              expiration: { maxEntries: 50 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/data/'),
            handler: 'CacheFirst',
            options: {
              // Named after the data's version: a site update with new data starts a fresh cache.
              cacheName: `iam-data-${iamDataVersion()}`,
              expiration: { maxEntries: 4000 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  optimizeDeps: {
    // Used only inside the engine worker: without this the dev server discovers them on the
    // first request and reloads the page to re-optimize.
    include: ['@cfworker/json-schema', 'ipaddr.js'],
  },
  worker: {
    // The engine worker is an ES module worker (app/engine/engineWorker.ts).
    format: 'es' as const,
  },
  build: {
    target: 'es2022',
    // Monaco is one large lazy chunk by design; the first-paint budget is checked by the tests.
    chunkSizeWarningLimit: 4500,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}));
