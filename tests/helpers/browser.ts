/**
 * Launches the system's Chromium for end-to-end tests. playwright-core never downloads a
 * browser; point CHROMIUM_PATH elsewhere if Chromium lives somewhere else.
 */
import { chromium, type Browser } from 'playwright-core';

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
