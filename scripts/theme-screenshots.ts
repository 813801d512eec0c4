/**
 * Writes docs/screenshots/theme-<name>-{screen-title,screen-code,phone}.png: one showcase deck
 * in each built-in theme, on a fresh in-process server (temporary PGlite), shot in the system's
 * Chromium on the projector (1280×720) and a phone (390×844). Run after `npm run build`:
 * `tsx scripts/theme-screenshots.ts`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { THEME_NAMES, type ThemeName } from '../contract/theme.js';
import { parseConfig } from '../server/config.js';
import { startLectern } from '../server/lectern.js';
import { PHONE, PROJECTOR, launchBrowser } from '../tests/helpers/browser.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const KEY = 'theme-screenshots-key';

const showcase = (theme: string) => `---
title: Live talks from a homelab
theme: ${theme}
slug: theme-${theme}
---

# Live talks from a homelab

Slides on every phone, served from a box under my desk · Ada, NixCon 2026

---

## One Nix module

\`\`\`nix
{ config, pkgs, ... }:
{
  # the whole server, one option away
  services.lectern = {
    enable = true;
    decks = [ ./talks/homelab.md ];
    openFirewall = true;
  };
  networking.firewall.allowedTCPPorts = [ 3000 ];
}
\`\`\`

- **Reproducible**: the same talk, the same server, every time
- Questions and polls from the room, [results](https://example.org) afterwards
`;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-themes-'));
  const decks = await Promise.all(
    THEME_NAMES.map(async (theme) => {
      const file = join(dir, `${theme}.md`);
      await writeFile(file, showcase(theme));
      return file;
    }),
  );
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', PRESENTER_KEY: KEY, DATA_DIR: join(dir, 'data'), WATCH_DECKS: '0' }, decks);
  const lectern = await startLectern(config, pino({ level: 'silent' }));
  const url = `http://127.0.0.1:${lectern.port}`;
  await mkdir(OUT, { recursive: true });
  try {
    const only = process.argv.slice(2) as ThemeName[];
    for (const theme of only.length ? only : THEME_NAMES) {
      // a browser per theme: one long-lived headless Chromium has been seen to die midway here
      const browser = await launchBrowser();
      const slug = `theme-${theme}`;
      const goTo = (index: number) =>
        fetch(`${url}/api/talks/${slug}/slide`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ index }) });
      // a renderer that crashes under load gets a second try, with a fresh context
      const shoot = async (path: string, device: typeof PHONE, name: string) => {
        try {
          await shootOnce(path, device, name);
        } catch {
          await shootOnce(path, device, name);
        }
      };
      const shootOnce = async (path: string, device: typeof PHONE, name: string) => {
        const context = await browser.newContext({ ...device, colorScheme: 'light' });
        const page = await context.newPage();
        await page.goto(`${url}${path}`);
        await page.locator('connection-badge[status="live"]').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(OUT, `theme-${theme}-${name}.png`) });
        await context.close();
      };
      await goTo(0);
      await shoot(`/${slug}/screen`, PROJECTOR, 'screen-title');
      await goTo(1);
      await shoot(`/${slug}/screen`, PROJECTOR, 'screen-code');
      await shoot(`/${slug}`, PHONE, 'phone');
      console.log(`theme ${theme}: 3 screenshots`);
      await browser.close();
    }
  } finally {
    await lectern.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
