/**
 * The browser tests' set-up: one Lectern and one Chromium per test file, started side by side before
 * the file's own `beforeAll` and closed after its `afterAll`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

/** Filled in once the file's tests start: read `server` and `browser` inside hooks and tests only. */
export interface BrowserTest {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers the hooks; call it at the top of the file, before its own `beforeAll`. `options` may be computed then (temp decks). */
export function useBrowserTest(options: TestServerOptions | (() => Promise<TestServerOptions>) = {}): BrowserTest {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const opts = typeof options === 'function' ? await options() : options;
    const [started, launched] = await Promise.allSettled([startTestServer(opts), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('The test server is not started yet: use it inside hooks and tests');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not launched yet: use it inside hooks and tests');
      return browser;
    },
  };
}
