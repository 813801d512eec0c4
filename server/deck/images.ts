/** markdown-it plugin: `![alt](path)` (`![alt|300](path)` sized) and Obsidian `![[file.png|300]]` resolved against the deck's assets. */
import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';

/** What image rendering needs to know; travels in markdown-it's env. */
export interface ImageEnv {
  /** Deck slug: asset URLs are /<slug>/assets/<path>. */
  slug: string;
  /** Maps a reference as written (decoded) to a path relative to the deck dir, or null when missing or outside. */
  resolveImage: (ref: string) => string | null;
}

interface Embed {
  target: string;
  alt: string;
  width?: string;
  height?: string;
}

const ALT_SIZE = /^(.*?)\|\s*(\d{1,5})(?:x(\d{1,5}))?\s*$/;
const EXTERNAL = /^(https?:)?\/\//i;
const DATA_IMAGE = /^data:image\/(gif|png|jpeg|webp);/i;

/** Installs the Obsidian embed syntax and asset-aware image rendering on `md`. */
export function imagesPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('image', 'obsidian_embed', embedRule);
  md.core.ruler.push('unwrap_lone_images', unwrapLoneImages);
  const escape = md.utils.escapeHtml;

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    const written = self.renderInlineAsText(token.children ?? [], options, env);
    // `![alt|300](img.png)` or `![alt|300x200](…)`: a size in the alt text (Obsidian, and what dialects write)
    const sized = ALT_SIZE.exec(written);
    const alt = sized ? (sized[1] ?? '').trim() : written;
    const src = String(token.attrGet('src') ?? '');
    const title = token.attrGet('title');
    const extra = (title ? ` title="${escape(String(title))}"` : '') + (sized ? size({ target: src, alt, width: sized[2]!, ...(sized[3] ? { height: sized[3] } : {}) }) : '');
    if (EXTERNAL.test(src) || DATA_IMAGE.test(src)) {
      return `<img src="${escape(src)}" alt="${escape(alt)}" loading="lazy"${extra}>`;
    }
    // markdown-it percent-encodes src; the file system wants the name as written.
    return localImage(env as unknown as ImageEnv, safeDecode(src), alt, extra, escape);
  };

  md.renderer.rules.obsidian_embed = (tokens, idx, _options, env) => {
    const embed = (tokens[idx] as Token).meta as unknown as Embed;
    if (EXTERNAL.test(embed.target)) {
      return `<img src="${escape(embed.target)}" alt="${escape(embed.alt)}" loading="lazy"${size(embed)}>`;
    }
    return localImage(env as unknown as ImageEnv, embed.target, embed.alt, size(embed), escape);
  };
}

function localImage(env: ImageEnv, ref: string, alt: string, extra: string, escape: (s: string) => string): string {
  const rel = ref ? env.resolveImage(ref) : null;
  if (rel === null) return missingImage(ref, escape);
  const url = `/${env.slug}/assets/${rel.split('/').map(encodeURIComponent).join('/')}`;
  return `<img src="${escape(url)}" alt="${escape(alt)}" loading="lazy"${extra}>`;
}

/** The visible stand-in for an image that cannot be served: names the file, never a broken <img>. */
export function missingImage(name: string, escape: (s: string) => string): string {
  const label = escape(`Missing image: ${name}`);
  return `<figure class="missing-image" role="img" aria-label="${label}"><figcaption>${label}</figcaption></figure>`;
}

function size(embed: Embed): string {
  return (embed.width ? ` width="${embed.width}"` : '') + (embed.height ? ` height="${embed.height}"` : '');
}

function safeDecode(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

/** Inline rule for `![[target]]`, `![[target|300]]`, `![[target|300x200]]`, `![[target|alt text]]`. */
function embedRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (!src.startsWith('![[', pos)) return false;
  const end = src.indexOf(']]', pos + 3);
  if (end < 0) return false;
  const inner = src.slice(pos + 3, end);
  if (inner.trim() === '' || /[[\]\n]/.test(inner)) return false;
  if (!silent) {
    const [target = '', ...rest] = inner.split('|').map((p) => p.trim());
    const embed: Embed = { target, alt: target.split('/').pop() ?? target };
    for (const part of rest) {
      const dims = /^(\d{1,5})(?:x(\d{1,5}))?$/.exec(part);
      if (dims) {
        embed.width = dims[1];
        if (dims[2]) embed.height = dims[2];
      } else if (part) {
        embed.alt = part;
      }
    }
    const token = state.push('obsidian_embed', 'img', 0);
    token.meta = embed as unknown as Record<string, unknown>;
  }
  state.pos = end + 2;
  return true;
}

/** Drops the <p> around a paragraph holding only images, so a <figure> placeholder is never inside a <p>. */
function unwrapLoneImages(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || close?.type !== 'paragraph_close') continue;
    const kids = inline.children ?? [];
    const lone = kids.length > 0 && kids.every((k) =>
      k.type === 'image' || k.type === 'obsidian_embed' || k.type === 'softbreak' || (k.type === 'text' && k.content.trim() === ''));
    if (lone && !open.hidden) {
      open.hidden = true;
      close.hidden = true;
    }
  }
}
