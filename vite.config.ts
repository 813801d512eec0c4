/**
 * Builds the browser pages into dist/client. The server serves the HTML for its page routes
 * (`/`, `/:slug`, `/:slug/screen`, `/:slug/present`, `/:slug/results`, `/:slug/handout`) and the hashed bundles under `/_app/`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./client/', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(`./client/${name}.html`, import.meta.url));

/** Where `vite dev` forwards API and socket traffic: a running `npm start`. */
const devServer = process.env.LECTERN_URL ?? 'http://localhost:3000';

/**
 * In `vite dev`, map the server's page routes to the HTML entries, so the pages can be
 * developed with hot reload against a running Lectern server.
 */
function pageRoutes(): Plugin {
  return {
    name: 'lectern-page-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const skip = /^\/(@|_app|api|socket\.io|node_modules|pages|components|controllers|lib|styles)\b|\.\w+$/;
        if (path !== '/' && !skip.test(path)) {
          const rest = path.split('/').filter(Boolean)[1];
          req.url = rest === 'screen' || rest === 'present' || rest === 'results' || rest === 'handout' ? `/${rest}.html` : '/audience.html';
        }
        next();
      });
    },
  };
}

/**
 * Lit's css`` templates are strings to the minifier, so their comments and indentation would
 * ship to every phone. This drops both at build time (about 0.5 kB gzipped on the audience page).
 * CSS only: comments and runs of whitespace; `${…}` expressions are left as they are.
 */
function compactCssTemplates(): Plugin {
  // the body may hold escaped backticks (\`) in its comments
  const template = /\bcss`((?:[^`\\]|\\[\s\S])*)`/g;
  return {
    name: 'lectern-compact-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(root) || !id.endsWith('.ts') || !code.includes('css`')) return null;
      return {
        code: code.replace(template, (_whole, body: string) => `css\`${body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim()}\``),
        map: null,
      };
    },
  };
}

/**
 * Every page connects with `transports: ['websocket']` (the server takes nothing else), but
 * engine.io-client's Socket imports all its transports statically: HTTP long-polling and
 * WebTransport would ship to every phone unused. This hands its socket a transport table holding
 * the browser WebSocket transport only (1.4 kB gzipped off every live page).
 */
function websocketOnlyEngine(): Plugin {
  const virtual = '\0lectern-engine-transports';
  let websocketTransport = '';
  return {
    name: 'lectern-websocket-only-engine',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (source !== './transports/index.js' || !importer || !/engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer)) return null;
      websocketTransport = join(dirname(importer), 'transports', 'websocket.js');
      return virtual;
    },
    load(id) {
      if (id !== virtual) return null;
      return `import { WS } from ${JSON.stringify(websocketTransport)};\nexport const transports = { websocket: WS };\n`;
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [pageRoutes(), compactCssTemplates(), websocketOnlyEngine()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client/', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '_app',
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: page('index'),
        audience: page('audience'),
        screen: page('screen'),
        present: page('present'),
        results: page('results'),
        handout: page('handout'),
      },
      output: {
        // stable, readable shared chunks: every page needs lit; only the live pages need the socket
        codeSplitting: {
          groups: [
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': devServer,
      '/socket.io': { target: devServer, ws: true },
      // deck images live next to the deck; the server serves them per talk
      '^/[a-z0-9-]+/assets/': devServer,
    },
  },
});
