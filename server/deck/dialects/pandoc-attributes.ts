/**
 * Pandoc's attribute syntax, as Quarto decks use it: `{#id .class key="value" key=value}` after
 * a heading, a fenced div's `:::`, a span or an image. Pure parsing; what each attribute means is
 * the dialect's business.
 */

export interface PandocAttributes {
  id?: string;
  classes: string[];
  values: Record<string, string>;
}

// `key="a b"`, `key='a b'`, `key=value`, `.class`, `#id`, or a bare word (Pandoc reads it as a class in `::: notes`)
const TOKEN = /\s*(?:([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]*))|\.([\w:-]+)|#([\w:.-]+)|([^\s]+))/y;

/** The attributes inside `{…}` (without the braces). Unreadable bits are ignored, never thrown. */
export function parseAttributes(text: string): PandocAttributes {
  const out: PandocAttributes = { classes: [], values: {} };
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text)) !== null) {
    if (match[0] === '') break;
    if (match[1] !== undefined) out.values[match[1]] = match[2] ?? match[3] ?? match[4] ?? '';
    else if (match[5] !== undefined) out.classes.push(match[5]);
    else if (match[6] !== undefined) out.id = match[6];
  }
  return out;
}

/** A fenced div's opening line: `::: {.notes}`, `:::: columns`, `::: {.callout-note title="x"} :::`. */
const DIV_OPEN = /^ {0,3}:{3,}\s*(?:\{([^}]*)\}|([\w-]+))\s*:*\s*$/;
/** A fenced div's closing line: colons alone. */
export const DIV_CLOSE = /^ {0,3}:{3,}\s*$/;

/** The attributes of a fenced div's opening line, or null when the line opens none. */
export function divOpening(line: string): PandocAttributes | null {
  const match = DIV_OPEN.exec(line);
  if (!match) return null;
  // `::: notes` is Pandoc's shorthand for `::: {.notes}`
  return match[1] !== undefined ? parseAttributes(match[1]) : { classes: [match[2]!], values: {} };
}

/** Splits a heading's trailing `{…}` from its text: `## Title {.center}` → `Title`, `.center`. */
export function splitHeadingAttributes(text: string): { text: string; attrs: PandocAttributes | null } {
  const match = /^(.*?)\s*\{([^{}]*)\}\s*$/.exec(text);
  if (!match) return { text: text.replace(/\s+#+\s*$/, '').trim(), attrs: null };
  return { text: match[1]!.replace(/\s+#+\s*$/, '').trim(), attrs: parseAttributes(match[2]!) };
}
