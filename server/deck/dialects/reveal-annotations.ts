/**
 * The attributes reveal.js's markdown plugin reads from `<!-- .slide: … -->` and
 * `<!-- .element: … -->` comments (Obsidian Advanced Slides spells them `<!-- slide … -->`), and
 * what Lectern makes of them: slide settings (backgrounds, classes, hidden), fragment markers, and
 * for everything else a dropped item naming it.
 */
import type { Dropped, SlideSettings } from './types.js';

export interface Annotation {
  target: 'slide' | 'element';
  attributes: Map<string, string>;
}

/** Attributes as reveal's plugin (`key="v"`, bare `data-x`) and Advanced Slides (`key='v'`, bare words) read them. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|([^\s"'=]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[5] !== undefined) attributes.set(match[5], '');
    else attributes.set(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

// A CSS colour Lectern accepts (slide-settings.ts rule) and an image file beside the deck.
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]+\))$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|bmp)(\?.*)?$/i;
const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

/** An attribute Lectern does not use, named with where it came from and why it is dropped. */
function unsupported(name: string, value: string, where: string): string {
  const shown = `${value === '' ? name : `${name}="${value}"`} (${where})`;
  if (/^data-(transition|background-transition|transition-speed)$/.test(name)) return `${shown}: Lectern does not animate between slides`;
  if (name.startsWith('data-auto-animate')) return `${shown}: Lectern does not auto-animate between slides`;
  if (name.startsWith('data-background-')) return `${shown}: Lectern shows a slide background as a plain colour or image only`;
  if (name === 'data-autoslide' || name === 'data-timing') return `${shown}: Lectern does not time slides`;
  if (name === 'style') return `${shown}: inline styles are not applied; use a class and the deck's css: file`;
  return `${shown}: not applied by Lectern`;
}

/**
 * A background value as reveal.js reads `data-background`: an image when it names one, else a colour.
 * Returns the Lectern setting, or a reason it is dropped.
 */
function background(value: string, kind: 'any' | 'color' | 'image'): { value: string } | { why: string } {
  const ref = value.trim().replace(/^\[\[(.*)\]\]$/, '$1');
  const looksLikeImage = IMAGE.test(ref) || /^url\(/i.test(ref) || kind === 'image';
  if (looksLikeImage) {
    if (REMOTE.test(ref) || ref.startsWith('//') || /^url\(/i.test(ref)) return { why: 'only an image file beside the deck can be a background (remote images are not loaded)' };
    if (!IMAGE.test(ref)) return { why: 'not an image file Lectern shows (png, jpg, gif, webp, avif, svg)' };
    return { value: ref };
  }
  if (COLOR.test(ref)) return { value: ref };
  return { why: 'not a CSS colour Lectern accepts (a name, #hex or a colour function)' };
}

/** What a slide annotation does: settings for Lectern, the slide hidden, or drops. */
export function applySlideAnnotation(attributes: Map<string, string>, settings: SlideSettings, line: number, tool: string, dropped: Dropped[]): { hidden: boolean } {
  let hidden = false;
  for (const [name, value] of attributes) {
    const key = name.toLowerCase();
    if (key === 'data-background' || key === 'data-background-color' || key === 'data-background-image' || key === 'bg') {
      const found = background(value, key === 'data-background-color' ? 'color' : key === 'data-background-image' ? 'image' : 'any');
      if ('value' in found) settings.background = found.value;
      else dropped.push({ line, what: `${name}="${value}" (a ${tool} slide background): ${found.why}` });
    } else if (key === 'class') {
      const names = value.split(/\s+/).filter(Boolean);
      if (names.length) settings.class = names.join(' ');
    } else if ((key === 'data-visibility' && value === 'hidden') || (key === 'skip' && value === 'true')) {
      hidden = true;
      dropped.push({ line, what: `${name}="${value}" (${tool}): a hidden slide, not shown` });
    } else if (key === 'ontarget') {
      // Advanced Slides' own bookkeeping, never written by hand
    } else {
      dropped.push({ line, what: unsupported(name, value, `a ${tool} slide attribute`) });
    }
  }
  return { hidden };
}

/** An element annotation: a fragment stays as Lectern's step marker, anything else is dropped. */
export function elementMarker(attributes: Map<string, string>, line: number, tool: string, dropped: Dropped[]): string {
  const classes = (attributes.get('class') ?? '').split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  if (classes.includes('fragment')) {
    kept.push(`class="${classes.join(' ')}"`);
    const index = attributes.get('data-fragment-index');
    if (index !== undefined && /^\d+$/.test(index)) kept.push(`data-fragment-index="${index}"`);
  } else if (classes.length) dropped.push({ line, what: `class="${classes.join(' ')}" (a ${tool} element attribute): not applied by Lectern` });
  for (const [name, value] of attributes) {
    if (name === 'class' || (kept.length && name === 'data-fragment-index')) continue;
    dropped.push({ line, what: unsupported(name, value, `a ${tool} element attribute`) });
  }
  return kept.length ? `<!-- .element: ${kept.join(' ')} -->` : '';
}
