/**
 * Obsidian decks: the core Slides plugin (slides split on `---`, nothing more) and Advanced Slides,
 * which preprocesses the note and hands it to reveal.js's markdown plugin with its own defaults
 * (src/defaults.json: separator `\r?\n---\r?\n`, verticalSeparator `\r?\n--\r?\n`, notesSeparator
 * `note:`). Read here:
 *
 * - slides on `---`, vertical slides on `--` (numbered 4, 4.1…), a line starting `note:` starts the
 *   notes; `separator:` / `verticalSeparator:` / `notesSeparator:` in the front matter replace them;
 * - `<!-- slide … -->` / `<!-- .slide: … -->` (comment.ts accepts both spellings): bg= or
 *   data-background(-color/-image) → background (an `[[image.png]]` too), class → class,
 *   skip="true" / data-visibility="hidden" hides the slide, the rest dropped; `bg:` in the front
 *   matter is every slide's background unless the slide sets one;
 * - `<!-- element class="fragment" -->` stays as Lectern's step marker; `+` lists build (Lectern's
 *   own); an ordered item written `1)` builds too (fragmentProcessor.ts) and gets the marker;
 * - `![[img.png]]`, `![[img.png|300]]`, `![[img.png|300x100]]` → `![img.png|300](img.png)`;
 *   `![[Other note]]` (a note embed, which Lectern cannot read) → a visible placeholder, dropped;
 *   `[[Note]]` / `[[Note|shown]]` → their text (internalLinkProcessor.ts, links off);
 * - `%% comments %%` are removed (Obsidian never shows them); `==highlight==` → `<mark>`;
 * - `<split>` / `<grid>` layout tags and `::: block` containers are unwrapped, their content kept.
 *
 * Where Lectern differs: `note:` counts only at the start of a line (Advanced Slides cuts at the
 * first `note:` anywhere, even inside "keynote:"); separators never split fenced code or comments.
 */
import { parseAttributes } from './reveal-annotations.js';
import { proseOf, readRevealDeck, type RevealFlavour } from './reveal-common.js';
import { droppedDeckOptions } from './reveal.js';
import type { Dialect, Dropped } from './types.js';
import { fenceTracker } from '../scan.js';

const ANNOTATION = /^\s*\.?(slide|element)(?::|\s|$)([\s\S]*)$/;
const IMAGE_FILE = /\.(png|jpe?g|gif|bmp|webp|svg|avif)$/i;
const CONTAINERS_LECTERN_READS = new Set(['fragment', 'incremental', 'fit']);
const LAYOUT_TAG = /<\/?(split|grid)\b[^>]*>/gi;
const ORDERED_ITEM = /^(\s*\d{1,9}\)\s+\S.*?)\s*$/;
const ELEMENT_MARKER = /<!--\s*\.?element\b/;

/** Applies `rewrite` to the parts of a line outside inline code spans. */
function outsideInlineCode(line: string, rewrite: (text: string) => string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** `![[…]]` embeds and `[[…]]` links in one piece of prose. */
function rewriteLinks(text: string, line: number, dropped: Dropped[]): string {
  const embedded = text.replace(/!\[\[([^\]\n]+)\]\]/g, (_whole, inner: string) => {
    const [target = '', option] = inner.split('|').map((part) => part.trim());
    if (IMAGE_FILE.test(target)) {
      const size = option && /^\d+(x\d+)?$/.test(option) ? `|${option}` : '';
      const alt = option && !size ? option : target;
      const src = /[\s()<>]/.test(target) ? `<${target}>` : target;
      return `![${alt.replace(/[[\]]/g, '')}${size}](${src})`;
    }
    const what = /\.[a-z0-9]+$/i.test(target) && !/\.md$/i.test(target) ? 'embedded file' : 'embedded note';
    dropped.push({ line, what: `![[${inner}]] (an Obsidian ${what}): Lectern cannot read other files of the vault; a placeholder is shown` });
    return `*(${what}: ${target.replace(/[*_[\]]/g, '')})*`;
  });
  return embedded.replace(/\[\[(?:([^\]|\n]*)\|)?([^\]\n]*)\]\]/g, (_whole, _target, shown: string) => shown);
}

/** Advanced Slides' preprocessing of one slide's lines, outside fenced code. */
function translate(lines: string[], firstLine: number, dropped: Dropped[]): string[] {
  const inFence = fenceTracker();
  const containers: boolean[] = [];
  let inObsidianComment = false;
  const out: string[] = [];
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (inObsidianComment) {
      const end = text.indexOf('%%');
      if (end < 0) return void out.push('');
      inObsidianComment = false;
      text = text.slice(end + 2);
    }
    if (inFence(text)) return void out.push(text);
    const container = /^\s*:::\s*([\w-]*)/.exec(text);
    if (container) {
      const name = container[1] ?? '';
      if (name === '') {
        // a closing ::: of a container Lectern does not read goes with its opener
        return void out.push(containers.pop() === false ? '' : text);
      }
      const kept = CONTAINERS_LECTERN_READS.has(name);
      containers.push(kept);
      if (!kept) dropped.push({ line, what: `::: ${name} (an Advanced Slides block): its content is shown without it` });
      return void out.push(kept ? text : '');
    }
    let rewritten = outsideInlineCode(text, (part) => {
      let prose = part.replace(/%%.*?%%/g, '');
      const open = prose.indexOf('%%');
      if (open >= 0) {
        inObsidianComment = true;
        prose = prose.slice(0, open);
      }
      prose = prose.replace(LAYOUT_TAG, (tag, name: string) => {
        if (!tag.startsWith('</')) dropped.push({ line, what: `<${name}> (an Advanced Slides layout): its content is shown in order` });
        return '';
      });
      return rewriteLinks(prose.replace(/==([^=\n]+)==/g, '<mark>$1</mark>'), line, dropped);
    });
    const ordered = ORDERED_ITEM.exec(rewritten);
    if (ordered && !ELEMENT_MARKER.test(rewritten)) rewritten = `${ordered[1]} <!-- .element: class="fragment" -->`;
    out.push(rewritten.trim() === '' ? '' : rewritten);
  });
  return out;
}

export const OBSIDIAN_FLAVOUR: RevealFlavour = {
  tool: 'Advanced Slides',
  separator: String.raw`\r?\n---[ \t]*\r?\n`,
  verticalSeparator: String.raw`\r?\n--[ \t]*\r?\n`,
  notesSeparator: String.raw`^[ \t]*note:`,
  annotation(comment) {
    const match = ANNOTATION.exec(comment);
    if (!match) return null;
    return { target: match[1] === 'slide' ? 'slide' : 'element', attributes: parseAttributes(match[2] ?? '') };
  },
  translate,
};

/** Front-matter keys only Advanced Slides uses. */
const ADVANCED_SLIDES_KEYS = ['enableLinks', 'defaultTemplate', 'highlightTheme', 'enableOverview', 'enableChalkboard', 'enableMenu', 'enableCustomControls', 'enableTimeBar', 'enablePointer', 'timeForPresentation'];
/**
 * Obsidian's own markup: an embed of a note (an image embed `![[a.png]]` is Lectern's own too, so it
 * proves nothing), Advanced Slides' comment spelling and layout tags, a `%% comment %%`.
 */
const MARKERS = [
  /!\[\[(?![^\]\n|]*\.(png|jpe?g|gif|bmp|webp|svg|avif)\s*[\]|])[^\]\n]+\]\]/i,
  /<!--\s*(element|slide)\s/,
  /<(split|grid)(\s[^>]*)?>/,
  /(^|\s)%%[^%\n]+%%(\s|$)|^%%[ \t]*$/m,
];

export const obsidian: Dialect = {
  name: 'obsidian',
  label: 'Obsidian',
  detect(meta, body) {
    if (ADVANCED_SLIDES_KEYS.some((key) => key in meta)) return true;
    const prose = proseOf(body);
    return MARKERS.some((marker) => marker.test(prose));
  },
  read(lines, firstLine, meta) {
    const read = readRevealDeck(lines, firstLine, meta, OBSIDIAN_FLAVOUR);
    const dropped = [...droppedDeckOptions(meta, 'Advanced Slides'), ...read.dropped];
    if (meta['defaultTemplate'] !== undefined) dropped.unshift({ line: 1, what: `defaultTemplate: ${String(meta['defaultTemplate'])} (an Advanced Slides template): not applied` });
    const bg = meta['bg'];
    if (typeof bg !== 'string' || bg.trim() === '') return { slides: read.slides, dropped };
    // the deck's bg: is every slide's background unless the slide sets its own (defaultBackgroundProcessor.ts)
    const deckBackground: Dropped[] = [];
    const probe = readRevealDeck([`<!-- slide bg="${bg.replace(/"/g, '')}" -->`], 1, {}, OBSIDIAN_FLAVOUR);
    deckBackground.push(...probe.dropped);
    const background = probe.slides[0]?.settings.background;
    const slides = read.slides.map((slide) => (background && slide.settings.background === undefined ? { ...slide, settings: { ...slide.settings, background } } : slide));
    return { slides, dropped: [...dropped, ...deckBackground] };
  },
};
