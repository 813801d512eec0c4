/**
 * The dialect layer: a deck written for another tool (reveal.js, Slidev, Marp, Obsidian, Deckset,
 * Quarto, remark) becomes the same slides as one written for Lectern. A dialect only splits and
 * translates text; rendering, steps, layouts and backgrounds are Lectern's one pipeline.
 *
 * What a dialect may put in a slide's `body` (Lectern's Markdown; render.ts and steps.ts read it):
 *
 * - CommonMark with GFM tables and strikethrough; raw HTML (never a tool's own tags such as
 *   `<v-click>`: unwrap them, keeping their content, and report them as dropped);
 * - `. . .` alone in a paragraph: a pause, what follows comes one step later;
 * - a list written with `+` bullets: each item is a step of its own;
 * - ` ```lang {1|3-4} ` or ` ```lang [1|3-4] `: a code block stepping through line ranges;
 * - `::left::` / `::right::` alone in a paragraph: two columns (what precedes `::left::` spans both);
 * - `::: fragment` … `:::` (a fenced div, lines of their own): its blocks show one step later,
 *   as one step; blocks after it are not delayed;
 * - `::: incremental` … `:::`: the lists inside build item by item;
 * - `::: fit` … `:::`: the headings inside are scaled to fill the slide's width;
 * - `<!-- .element: class="fragment" -->` at the end of a paragraph or list item, or on its own
 *   line right after a block: that item or block is a step of its own (reveal.js's own syntax;
 *   `<!-- element class="fragment" -->` is Obsidian's spelling of the same);
 * - `![alt|300](img.png)` / `![alt|300x200](img.png)`: an image with a width (and height) in px.
 *
 * Any other HTML comment left in a body is dropped when rendering (never sent to a phone).
 */

/** The dialects Lectern reads; `dialect:` in the front matter names one and skips detection. */
export const DIALECT_NAMES = ['lectern', 'reveal', 'slidev', 'marp', 'obsidian', 'deckset', 'quarto', 'remark'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

/**
 * A slide's own settings (strings, as they came; applySlideSettings checks them and warns):
 * - `layout`: title, section, center, two-columns, image-left, image-right, quote, fact, end
 *   (and the aliases in slide-settings.ts: two-cols, cover, intro, default, …);
 * - `image`: the picture beside the text for image-left/right (a file beside the deck);
 * - `split`: how wide that picture is, a percentage (`40%`); default 50%;
 * - `background`: a CSS colour or an image file beside the deck (`background-size: cover`);
 * - `color`: the slide's text colour (a CSS colour);
 * - `class`: class names for the deck's stylesheet;
 * - `header`, `footer`: one line of text (inline Markdown) at the top / bottom of the slide;
 * - `time`: the minutes the speaker plans for the slide (`2m`, `90s`), for the presenter's pace;
 * - `paginate`: `true` shows the slide's number in a corner.
 */
export type SlideSettings = Partial<Record<'layout' | 'image' | 'split' | 'background' | 'color' | 'class' | 'header' | 'footer' | 'paginate' | 'time', string>>;

/** One slide as a dialect found it, before rendering. */
export interface DialectSlide {
  /** Lectern Markdown (see above), notes and settings removed. Keep line count where you can: errors name lines. */
  body: string;
  /** Speaker notes as Markdown, '' when none. Never a directive or an attribute. */
  notes: string;
  settings: SlideSettings;
  /** 1-based line in the file where the slide starts. */
  line: number;
  /** How the slide is numbered when not simply its position: `4.1` for reveal.js's first vertical slide under 4. */
  label?: string;
}

/** Something the deck asked for that Lectern cannot show, told to the speaker with its line. */
export interface Dropped {
  /** 1-based line in the file. */
  line: number;
  /** What it was and what happens instead: `<Tweet> (a Slidev component): its content is shown as text`. */
  what: string;
}

export interface DialectResult {
  slides: DialectSlide[];
  dropped: Dropped[];
  /** Deck-level settings the dialect found in its own syntax (Deckset's leading `key: value` lines), merged into the front matter. */
  meta?: Record<string, unknown>;
}

export interface Dialect {
  name: DialectName;
  /** A few words for logs and the presenter: "Slidev", "reveal.js markdown". */
  label: string;
  /**
   * Whether a deck is written for this tool, from its front matter and body (the file's lines
   * after the front matter). Called in DETECTION_ORDER; the first that says yes wins.
   */
  detect(meta: Readonly<Record<string, unknown>>, body: string): boolean;
  /**
   * Splits the body into slides and translates each into Lectern Markdown.
   * `lines` are the file's lines after the front matter; `firstLine` is the 1-based file line of
   * `lines[0]`. Must never throw on odd input: what it cannot read stays text, or is dropped and reported.
   */
  read(lines: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>): DialectResult;
}
