/**
 * Launches the system's Chromium for end-to-end tests. playwright-core never downloads a
 * browser; point CHROMIUM_PATH elsewhere if Chromium lives somewhere else.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** A phone: 390×844 with touch. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
/** The smallest phone the pages support. */
export const SMALL_PHONE: BrowserContextOptions = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
/** A laptop. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
/** A 720p projector. */
export const PROJECTOR: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };

/** Starts a headless Chromium with the network chatter a test does not need turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A page in its own context (own storage: its own voter id), opened at `url`. */
export async function openPage(browser: Browser, url: string, device: BrowserContextOptions = DESKTOP): Promise<Page> {
  const page = await (await browser.newContext(device)).newPage();
  await page.goto(url);
  return page;
}
