/**
 * A slide's own settings, from directive comments such as `<!-- layout: two-columns -->` or
 * `<!-- background: #0b3d2e -->`: its layout, an image beside the text, its background, classes
 * for the deck's stylesheet. A value Lectern cannot use is a warning naming the slide, never a
 * reason to refuse the deck.
 */
import { SLIDE_LAYOUTS, type SlideLayout } from '../../contract/theme.js';
import { parseDuration } from './duration.js';
import type { Slide } from './types.js';
import type { SlideSettings } from './dialects/types.js';

/** Layout names other tools use for the same thing. */
const LAYOUT_ALIASES: Readonly<Record<string, SlideLayout>> = {
  'two-cols': 'two-columns',
  'two-column': 'two-columns',
  columns: 'two-columns',
  centered: 'center',
  cover: 'title',
  intro: 'title',
  // Slidev's
  statement: 'center',
  'two-cols-header': 'two-columns',
};

// a CSS colour, never ; { } < > quotes (the same rule as the deck's accent)
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]+\))$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const PERCENT = /^(\d{1,2}(?:\.\d+)?)\s*%$/;
const CLASSES = /^[A-Za-z_][\w-]*(\s+[A-Za-z_][\w-]*)*$/;
/** The longest a slide's `time:` may plan (a day: beyond that it is a typo). */
const MAX_SLIDE_SECONDS = 86_400;
/** Classes Lectern's slide markup uses itself; a deck class of the same name would collide. */
const LECTERN_CLASSES: ReadonlySet<string> = new Set(['slide', 'poll', 'poll-question', 'poll-scale', 'cols', 'col', 'split', 'media', 'line', 'shiki', 'hl', 'hl-dim', 'step-new', 'missing-image', 'canvas', 'frame', 'fit-box', 'fit', 'media-left', 'media-right']);

/**
 * Whether a comment's `key: value` line reads as a slide setting rather than prose: a known
 * layout, a colour or an image file, a few lower-case class names. Anything else (`<!-- class:
 * remember the pricing joke -->`) stays a speaker note, and never reaches a phone.
 */
export function looksLikeSetting(key: string, value: string): boolean {
  switch (key) {
    case 'layout':
      return (SLIDE_LAYOUTS as readonly string[]).includes(value.toLowerCase()) || value.toLowerCase() in LAYOUT_ALIASES || value.toLowerCase() === 'default';
    case 'background':
      return COLOR.test(value) || IMAGE.test(value);
    case 'image':
      return IMAGE.test(value) && !/\s/.test(value);
    case 'class':
      return /^[a-z][a-z0-9-]*(?:[\s,]+[a-z][a-z0-9-]*){0,2}$/.test(value);
    case 'time':
      // `<!-- time: 2m -->`; `<!-- time: ask who came by train -->` stays a note
      return parseDuration(value) !== null;
    default:
      return false;
  }
}

export interface SettingsContext {
  /** Where an image reference lives under the deck folder (relative path), or null. */
  resolveImage(ref: string): string | null;
  slug: string;
}

/** The slide with its settings (dialects/types.ts, SlideSettings) applied; `warn` hears what could not be. Header, footer and page number are the loader's (they need rendering). */
export function applySlideSettings(slide: Slide, settings: SlideSettings, ctx: SettingsContext, warn: (problem: string) => void): Slide {
  const out: Slide = { ...slide };
  const url = (ref: string) => {
    const rel = ctx.resolveImage(ref);
    return rel === null ? null : `/${ctx.slug}/assets/${rel.split('/').map(encodeURIComponent).join('/')}`;
  };

  if (settings['layout'] !== undefined) {
    const name = settings['layout'].toLowerCase();
    if (name === 'default') delete out.layout;
    else {
      const layout = (SLIDE_LAYOUTS as readonly string[]).includes(name) ? (name as SlideLayout) : LAYOUT_ALIASES[name];
      if (layout) out.layout = layout;
      else warn(`layout "${settings['layout']}" is not one of ${SLIDE_LAYOUTS.join(', ')}; the slide keeps the default layout`);
    }
  }

  if (settings['image'] !== undefined && out.layout !== 'image-left' && out.layout !== 'image-right') {
    warn(`image "${settings['image']}" is shown beside the text only with layout: image-left or image-right`);
  }
  if (out.layout === 'image-left' || out.layout === 'image-right') {
    const ref = settings['image'];
    const src = ref ? url(ref) : null;
    if (!src) {
      warn(ref ? `image "${ref}" was not found beside the deck; the slide shows its text alone` : `layout ${out.layout} needs an image: <!-- image: photo.jpg -->`);
      delete out.layout;
    } else {
      // how wide the picture is (Marp's `![bg right:40%]`); half the slide unless said
      const split = settings['split'];
      const width = split === undefined ? undefined : PERCENT.exec(split.trim())?.[1];
      if (split !== undefined && (width === undefined || Number(width) < 10 || Number(width) > 90)) warn(`split "${split}" must be a percentage between 10% and 90%; the picture takes half the slide`);
      const style = width !== undefined && Number(width) >= 10 && Number(width) <= 90 ? ` style="--media-width:${width}%"` : '';
      const wrap = (html: string) => {
        const media = `<figure class="media"><img src="${src}" alt="" loading="lazy"></figure>`;
        const text = `<div class="col">${html}</div>`;
        return `<div class="split ${out.layout === 'image-left' ? 'media-left' : 'media-right'}"${style}>${out.layout === 'image-left' ? media + text : text + media}</div>\n`;
      };
      out.html = wrap(out.html);
      if (out.steps) out.steps = out.steps.map(wrap);
    }
  }

  const background = settings['background'];
  if (background !== undefined) {
    if (IMAGE.test(background)) {
      const src = url(background);
      if (src) out.background = { ...out.background, image: src };
      else warn(`background image "${background}" was not found beside the deck`);
    } else if (COLOR.test(background)) out.background = { ...out.background, color: background };
    else warn(`background "${background}" is neither a CSS colour nor an image beside the deck`);
  }

  const color = settings['color'];
  if (color !== undefined) {
    if (COLOR.test(color.trim())) out.background = { ...out.background, text: color.trim() };
    else warn(`color "${color}" is not a CSS colour`);
  }

  const time = settings['time'];
  if (time !== undefined) {
    const seconds = parseDuration(time);
    if (seconds !== null && seconds > 0 && seconds <= MAX_SLIDE_SECONDS) out.time = seconds;
    else warn(`time "${time}" must be a duration between 1 second and 24 hours, e.g. 2m or 90s; the slide shares the talk's time with the others`);
  }

  const className = settings['class'];
  if (className !== undefined) {
    const names = className.replace(/,/g, ' ').trim().split(/\s+/);
    const taken = names.filter((name) => LECTERN_CLASSES.has(name));
    if (!CLASSES.test(names.join(' '))) warn(`class "${className}" must be class names separated by spaces`);
    else if (taken.length) warn(`class ${taken.map((n) => `"${n}"`).join(', ')} is one of Lectern's own (it would restyle or hide its parts); pick another name`);
    else out.className = names.join(' ');
  }
  return out;
}
