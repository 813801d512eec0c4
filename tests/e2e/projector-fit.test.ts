/**
 * The projector never clips: every slide of the seed talk and of a deliberately long deck (40
 * lines of code, a 200-character line, a 12-row table, a wall of text) lies wholly inside the
 * screen view's slide box at 1920×1080, 1280×720 and 1024×768, measured by element geometry in
 * Chromium. Content that fits keeps its size; content that does not is scaled down, not cut.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEME_NAMES, type ThemeName } from '../../contract/theme.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser.js';
import { tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const code = Array.from({ length: 40 }, (_, i) => `  step${i + 1} = pkgs.writeShellScriptBin "step-${i + 1}" "echo ${i + 1}";`).join('\n');
const rows = Array.from({ length: 12 }, (_, i) => `| host-${i + 1} | 192.0.2.${i + 1} | ${i % 2 ? 'NixOS 26.05' : 'Debian 13'} | ${(i + 1) * 3} GB |`).join('\n');
const LONG = `---
title: Too much on one slide
---

# Forty lines of code

\`\`\`nix
{
${code}
}
\`\`\`

---

# A very long line

\`\`\`sh
${'nix build github:NixOS/nixpkgs/nixos-unstable#legacyPackages.x86_64-linux.hello --print-out-paths --no-link '.repeat(2).slice(0, 200)}
\`\`\`

---

# Twelve rows

| host | address | system | memory |
|---|---|---|---|
${rows}

---

# A wall of text

${'Lectern keeps every phone on the slide the speaker is on, and nothing on the projector is ever cut off. '.repeat(14)}

---

# Short slide

Fits as it is.
`;

const SEED_DIR = fileURLToPath(new URL('../../decks/', import.meta.url));
const SEED = readFileSync(join(SEED_DIR, 'homelab.md'), 'utf8');
const ASSETS = Object.fromEntries(readdirSync(join(SEED_DIR, 'assets')).map((f) => [`assets/${f}`, readFileSync(join(SEED_DIR, 'assets', f))]));

/** The deck with another theme and slug: its front matter's own theme and slug give way. */
function themed(source: string, theme: ThemeName, slug: string): string {
  const end = source.indexOf('\n---', 4);
  const front = source.slice(4, end).split('\n').filter((line) => !/^(theme|slug):/.test(line));
  return `---\ntheme: ${theme}\nslug: ${slug}\n${front.join('\n')}${source.slice(end)}`;
}

/** Every built-in theme: the seed talk and the long deck; and the long deck on a 4:3 canvas. */
const DECKS = [
  ...THEME_NAMES.flatMap((theme) => [`homelab-${theme}`, `too-much-${theme}`]),
  'four-three',
];

const e2e = useBrowserTest(async () => ({
  decks: [
    ...(await Promise.all(
      THEME_NAMES.flatMap((theme) => [
        tempDeck(themed(SEED, theme, `homelab-${theme}`), ASSETS, `homelab-${theme}.md`),
        tempDeck(themed(LONG, theme, `too-much-${theme}`), {}, `too-much-${theme}.md`),
      ]),
    )),
    await tempDeck(LONG.replace(/^---\n/, '---\naspect: 4:3\nslug: four-three\n'), {}, 'four-three.md'),
  ],
}));

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

interface Overflow {
  tag: string;
  text: string;
  box: { left: number; top: number; right: number; bottom: number };
}

/**
 * Elements of what the screen shows (the slide, or the poll on stage) that stick out of its box,
 * and the scale the slide was fitted at.
 */
async function measure(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector('screen-page')!.shadowRoot!;
    const view = (stage.querySelector('slide-view') ?? stage.querySelector('poll-stage'))!;
    const host = view.getBoundingClientRect();
    const outside: Overflow[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < host.left - 1 || r.top < host.top - 1 || r.right > host.right + 1 || r.bottom > host.bottom + 1) {
          outside.push({ tag: el.tagName, text: (el.textContent ?? '').slice(0, 40), box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
        }
      }
    };
    walk(view.shadowRoot!);
    return { outside, kind: view.tagName.toLowerCase(), scale: Number((view as HTMLElement).dataset.fitScale ?? 1) };
  });
}

/** Each slide's first words, and whether it has a poll (whose live form may take the stage). */
async function slides(slug: string): Promise<{ start: string; poll: boolean }[]> {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}`, { headers: { authorization: `Bearer ${e2e.server.key}` } });
  const talk = (await res.json()) as { slides: { html: string }[] };
  return talk.slides.map((s) => ({
    start: s.html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, '').replace(/\s+/g, ' ').trim().slice(0, 12),
    poll: s.html.includes('class="poll'),
  }));
}

async function goTo(slug: string, index: number) {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}/slide`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ index }),
  });
  expect(res.status).toBe(200);
}

describe.each(VIEWPORTS)('the screen view at $width×$height', (viewport) => {
  for (const slug of DECKS) {
    it(`shows every slide of ${slug} whole`, async () => {
      const texts = await slides(slug);
      const page = await openPage(e2e.browser, `${e2e.server.url}/${slug}/screen`, { viewport });
      try {
        for (let index = 0; index < texts.length; index++) {
          await goTo(slug, index);
          const { start, poll } = texts[index]!;
          await page.waitForFunction(
            ({ expected, poll }) => {
              // the slide, or the live poll that takes the stage on a poll's slide
              const stage = document.querySelector('screen-page')?.shadowRoot;
              if (poll && stage?.querySelector('poll-stage')) return true;
              const view = stage?.querySelector('slide-view');
              const text = (node: Node): string =>
                node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes].map(text).join(' ');
              return !!view && text(view).replace(/\s+/g, ' ').includes(expected);
            },
            { expected: start, poll },
            { timeout: 10_000 },
          ).catch(async (err: Error) => {
            const shown = await page.evaluate(() => document.querySelector('screen-page')?.shadowRoot?.innerHTML.slice(0, 600));
            throw new Error(`slide ${index} of ${slug}: the screen never showed "${start}": ${err.message}\n${shown}`);
          });
          // the theme's fonts arrive after the first layout; the slide fits again when they do
          await page.evaluate(async () => {
            await document.fonts.ready;
            // and its images (lazy ones load once laid out): the slide fits again when they arrive
            const view = document.querySelector('screen-page')!.shadowRoot!.querySelector('slide-view');
            const images = [...(view?.shadowRoot?.querySelectorAll('img') ?? [])].filter((img) => !img.complete);
            await Promise.all(images.map((img) => new Promise((r) => (img.addEventListener('load', r, { once: true }), img.addEventListener('error', r, { once: true })))));
            for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
          });
          const m = await measure(page);
          expect(JSON.stringify(m.outside.map((o) => [o.tag, o.text.replace(/\s+/g, " ").slice(0, 25), Math.round(o.box.top), Math.round(o.box.bottom)])), `slide ${index} of ${slug} at ${viewport.width}×${viewport.height} (${m.kind}, fit scale ${m.scale})`).toEqual("[]");
          expect(m.scale).toBeGreaterThan(0.25);
          if (slug.startsWith('too-much') && index === texts.length - 1) expect(m.scale, 'a slide that fits keeps its size').toBe(1);
        }
      } finally {
        await page.context().close();
      }
    }, 120_000);
  }
});
