/**
 * One Quarto slide's body (after its heading) in Lectern Markdown: fenced divs become Lectern's
 * containers, columns, notes, a footer or a quote (callouts), or are unwrapped; code fences with
 * Pandoc attributes become plain fences (`code-line-numbers="1|3"` → `{1|3}`); executable cells,
 * shortcodes and span attributes, which Lectern cannot run or show, are dropped and reported.
 */
import { DIV_CLOSE, divOpening, parseAttributes, splitHeadingAttributes, type PandocAttributes } from './pandoc-attributes.js';
import type { Dropped } from './types.js';

export interface QuartoOptions {
  /** headings at this level start slides; above it, section slides; 0: only rules split */
  slideLevel: number;
  /** `incremental: true`: every list builds item by item, unless inside `::: {.nonincremental}` */
  incremental: boolean;
  /** `execute: echo: true`: code cells show their code (on slides Quarto hides it by default) */
  echo: boolean;
}

export interface TranslatedBody {
  body: string[];
  notes: string;
  /** `::: footer` … `:::`: the slide's own footer line */
  footer?: string;
}

type DivKind = 'notes' | 'footer' | 'quote' | 'container' | 'unwrap' | 'columns' | 'column' | 'nonincremental';

interface OpenDiv {
  kind: DivKind;
  /** what its closing `:::` becomes */
  close: string[];
  /** for `.columns`: how many `.column` divs opened so far, and their widths */
  columns?: { count: number; widths: string[] };
}

/** Fragment classes that make content appear (which Lectern does); the others restyle visible content. */
const APPEARING = new Set(['fade-in', 'fade-up', 'fade-down', 'fade-left', 'fade-right', 'fade-in-then-out', 'fade-in-then-semi-out', 'current-visible', 'custom']);
const CALLOUT_TITLES: Readonly<Record<string, string>> = { note: 'Note', tip: 'Tip', warning: 'Warning', important: 'Important', caution: 'Caution' };
/** Div classes that are only layout helpers for reveal.js: unwrapped with no report. */
const QUIET_DIVS = new Set(['r-stretch', 'nostretch', 'cell', 'cell-output', 'cell-output-display', 'content-visible']);

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*(.*?)[ \t]*$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CELL_OPTION = /^\s*(?:#|\/\/|--)\|\s*([\w-]+)\s*:\s*(.*?)\s*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const PAUSE = /^\s*\.\s+\.\s+\.\s*$/;

/** A quoted or bare attribute value: `"1|3"` → `1|3`. */
const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2');

/** The fence info Lectern reads for a fence's info string, and what happened to it. */
function translateFenceInfo(info: string, line: number, dropped: Dropped[]): { info: string; cell?: { language: string; attrs: PandocAttributes }; raw?: string } {
  const braced = /^(?:([\w+#.-]+)\s*)?\{(.*)\}$/.exec(info);
  if (!braced) return { info };
  const inner = braced[2]!.trim();
  if (inner.startsWith('=')) return { info: '', raw: inner.slice(1).trim().toLowerCase() };
  // ```{python} or ```{r, echo=FALSE}: a cell Quarto runs
  const cell = /^([a-zA-Z][\w-]*)(?:[\s,]+(.*))?$/.exec(inner);
  if (!braced[1] && cell && !inner.startsWith('.')) {
    return { info: cell[1]!, cell: { language: cell[1]!, attrs: parseAttributes((cell[2] ?? '').replace(/,/g, ' ')) } };
  }
  const attrs = parseAttributes(inner);
  const language = braced[1] ?? attrs.classes.find((c) => c !== 'numberLines' && c !== 'fragment') ?? '';
  return { info: language + lineSteps(attrs.values['code-line-numbers'], line, dropped) };
}

/** ` {1|3}` for a stepping `code-line-numbers`, '' (with a report) for what Lectern cannot mark. */
function lineSteps(value: string | undefined, line: number, dropped: Dropped[]): string {
  if (value === undefined) return '';
  const spec = unquote(value);
  if (spec.includes('|')) return ` {${spec}}`;
  if (spec === 'false' || spec === '') return '';
  if (spec === 'true') dropped.push({ line, what: 'code-line-numbers="true": line numbers are not shown' });
  else dropped.push({ line, what: `code-line-numbers="${spec}": Lectern marks lines only in steps ("1|3"); the code is shown unmarked` });
  return '';
}

/** Applies `fn` to the parts of a line outside inline code spans. */
function outsideCode(line: string, fn: (text: string) => string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

const SIZE = /^(\d+)(?:px)?$/;

/** Shortcodes, span and image attributes in one line of text. */
function translateInline(line: string, lineNo: number, dropped: Dropped[]): string {
  return outsideCode(line, (text) =>
    text
      // {{{< x >}}} is Quarto's escape: the shortcode shown as text
      .replace(/\{\{\{<\s*(.*?)\s*>\}\}\}/g, '\u0000$1\u0001')
      .replace(/\{\{([<%])\s*([\w-]*)(.*?)[>%]\}\}/g, (_, __, name: string) => {
        dropped.push({ line: lineNo, what: `{{< ${name} >}} (a Quarto shortcode): not shown` });
        return '';
      })
      .replace(/\u0000(.*?)\u0001/g, '{{< $1 >}}')
      .replace(/!\[([^\]]*)\]\(([^)]*)\)\{([^}]*)\}/g, (_, alt: string, src: string, attrText: string) => {
        const attrs = parseAttributes(attrText);
        const width = attrs.values['width'];
        const height = attrs.values['height'];
        let size = '';
        if (width !== undefined && SIZE.test(width)) size = `|${SIZE.exec(width)![1]}${height !== undefined && SIZE.test(height) ? `x${SIZE.exec(height)![1]}` : ''}`;
        else if (width !== undefined) dropped.push({ line: lineNo, what: `image width="${width}": Lectern sizes images in px; shown at its natural size` });
        if (attrs.classes.includes('absolute')) dropped.push({ line: lineNo, what: '{.absolute} image: shown in the flow of the slide, not at a fixed position' });
        const image = `![${alt}${size}](${src})`;
        if (!attrs.classes.includes('fragment')) return image;
        // a picture alone on its line is a block: the marker makes it a step of its own
        if (line.trim().startsWith('![') && line.trim().endsWith('}') && line.trim().indexOf('![', 2) < 0) return `${image} <!-- .element: class="fragment" -->`;
        dropped.push({ line: lineNo, what: '{.fragment} on an image inside text: shown from the start' });
        return image;
      })
      .replace(/(\]\([^)]*\))\{[^}]*\}/g, '$1')
      .replace(/(^|[^!\]^])\[([^\]]*)\]\{([^}]*)\}/g, (_, before: string, content: string, attrText: string) => {
        const attrs = parseAttributes(attrText);
        if (attrs.classes.includes('fragment')) dropped.push({ line: lineNo, what: `[${content}]{.fragment} (a fragment inside text): shown from the start` });
        return before + content;
      }),
  );
}

/** Reads one slide's body lines; `firstLine` is the 1-based file line of `lines[0]`. */
export function translateBody(lines: readonly string[], firstLine: number, opts: QuartoOptions, dropped: Dropped[]): TranslatedBody {
  const body: string[] = [];
  const notes: string[] = [];
  const footer: string[] = [];
  const stack: OpenDiv[] = [];
  let autoList = false;
  let blankInList = false;

  const emit = (line: string) => {
    if (stack.some((d) => d.kind === 'notes')) notes.push(line);
    else if (stack.some((d) => d.kind === 'footer')) footer.push(line);
    else {
      const quotes = stack.filter((d) => d.kind === 'quote').length;
      body.push(quotes ? `${'> '.repeat(quotes)}${line}`.trimEnd() : line);
    }
  };
  const closeAutoList = () => {
    if (!autoList) return;
    autoList = false;
    emit(':::');
  };
  // lists build on their own only where Lectern's `::: incremental` can wrap them
  const autoAllowed = () => opts.incremental && stack.every((d) => d.kind === 'unwrap' || d.kind === 'columns' || d.kind === 'column');

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = firstLine + i;

    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      closeAutoList();
      // the whole block, to its closing fence (or the end of the slide)
      const marker = fence[2]!;
      let end = i + 1;
      while (end < lines.length) {
        const close = FENCE_CLOSE.exec(lines[end] ?? '')?.[1];
        if (close && close[0] === marker[0] && close.length >= marker.length) break;
        end++;
      }
      const code = lines.slice(i + 1, end);
      const closing = end < lines.length ? lines[end]! : marker;
      const { info, cell, raw } = translateFenceInfo(fence[3]!, lineNo, dropped);
      if (raw !== undefined) {
        if (raw === 'html') code.forEach(emit);
        else dropped.push({ line: lineNo, what: `a raw ${raw} block ({=${raw}}): only raw HTML is shown` });
      } else if (cell) {
        const options: Record<string, string> = {};
        while (code.length && CELL_OPTION.test(code[0]!)) {
          const [, key, value] = CELL_OPTION.exec(code.shift()!)!;
          options[key!] = unquote(value!);
        }
        const echoValue = options['echo'] ?? cell.attrs.values['echo'];
        const echo = echoValue === undefined ? opts.echo : /^(true|fenced)$/i.test(echoValue);
        if (echo) {
          dropped.push({ line: lineNo, what: `\`\`\`{${cell.language}} (a Quarto code cell): shown as code; Lectern does not run it, so its output is not shown` });
          emit(fence[1]! + marker + cell.language + lineSteps(options['code-line-numbers'], lineNo, dropped));
          code.forEach(emit);
          emit(closing);
        } else dropped.push({ line: lineNo, what: `\`\`\`{${cell.language}} (a Quarto code cell, its code hidden on slides by default): Lectern does not run code, so neither code nor output is shown` });
      } else {
        emit(fence[1]! + marker + info);
        code.forEach(emit);
        emit(closing);
      }
      i = end;
      continue;
    }

    const div = divOpening(line);
    if (div) {
      closeAutoList();
      const opened = openDiv(div, stack, lineNo, dropped);
      stack.push(opened.div);
      opened.emit.forEach(emit);
      continue;
    }
    if (DIV_CLOSE.test(line)) {
      closeAutoList();
      const closed = stack.pop();
      if (closed) closed.close.forEach(emit);
      else emit('');
      continue;
    }

    if (autoList) {
      if (line.trim() === '') blankInList = true;
      else if (blankInList && !LIST_ITEM.test(line) && !/^\s{2,}\S/.test(line)) closeAutoList();
      else blankInList = false;
    } else if (autoAllowed() && LIST_ITEM.test(line) && line.trim() !== '-') {
      emit('::: incremental');
      autoList = true;
      blankInList = false;
    }

    const heading = ATX.exec(line);
    if (heading) {
      const { text, attrs } = splitHeadingAttributes(heading[2]!);
      const out = `${heading[1]} ${translateInline(text, lineNo, dropped)}`;
      if (attrs?.classes.includes('r-fit-text')) emit(`::: fit\n${out}\n:::`);
      else if (attrs?.classes.includes('fragment')) emit(`${out}\n<!-- .element: class="fragment" -->`);
      else emit(out);
      continue;
    }
    emit(PAUSE.test(line) ? '. . .' : translateInline(line, lineNo, dropped));
  }
  closeAutoList();
  while (stack.length) stack.pop()!.close.forEach(emit);

  const result: TranslatedBody = { body, notes: notes.join('\n').trim() };
  const footerText = footer.map((l) => l.trim()).filter(Boolean).join(' ');
  if (footerText) result.footer = footerText;
  return result;
}

/** What a fenced div becomes, by its classes. */
function openDiv(attrs: PandocAttributes, stack: readonly OpenDiv[], line: number, dropped: Dropped[]): { div: OpenDiv; emit: string[] } {
  const classes = attrs.classes;
  const has = (name: string) => classes.includes(name);
  if (has('notes')) return { div: { kind: 'notes', close: [] }, emit: [''] };
  if (has('footer')) return { div: { kind: 'footer', close: [] }, emit: [''] };
  const callout = classes.find((c) => c.startsWith('callout'));
  if (callout) {
    const type = callout.replace(/^callout-?/, '');
    const title = attrs.values['title'] ?? CALLOUT_TITLES[type] ?? '';
    if (attrs.values['collapse'] !== undefined) dropped.push({ line, what: `::: {.${callout} collapse=…}: shown open` });
    return { div: { kind: 'quote', close: [''] }, emit: title ? [`**${title}**`, ''] : [] };
  }
  if (has('incremental')) return { div: { kind: 'container', close: [':::'] }, emit: ['::: incremental'] };
  if (has('nonincremental')) return { div: { kind: 'nonincremental', close: [''] }, emit: [''] };
  if (has('fragment')) {
    if (attrs.values['fragment-index'] !== undefined) dropped.push({ line, what: `fragment-index=${attrs.values['fragment-index']}: fragments come in the order they are written` });
    const effect = classes.find((c) => c !== 'fragment' && !APPEARING.has(c));
    if (effect) {
      dropped.push({ line, what: `::: {.fragment .${effect}} (an effect on shown content): shown from the start, without the effect` });
      return { div: { kind: 'unwrap', close: [''] }, emit: [''] };
    }
    return { div: { kind: 'container', close: [':::'] }, emit: ['::: fragment'] };
  }
  if (has('r-fit-text')) return { div: { kind: 'container', close: [':::'] }, emit: ['::: fit'] };
  if (has('columns')) return { div: { kind: 'columns', close: [''], columns: { count: 0, widths: [] } }, emit: [''] };
  const parent = stack[stack.length - 1];
  if (has('column') && parent?.columns) {
    const columns = parent.columns;
    columns.count++;
    columns.widths.push(attrs.values['width'] ?? '');
    if (columns.count === 2 && new Set(columns.widths).size > 1) dropped.push({ line, what: `column widths ${columns.widths.map((w) => w || 'auto').join(' / ')}: Lectern's two columns are equal` });
    if (columns.count === 1) return { div: { kind: 'column', close: [''] }, emit: ['', '::left::', ''] };
    if (columns.count === 2) return { div: { kind: 'column', close: [''] }, emit: ['', '::right::', ''] };
    dropped.push({ line, what: `a column beyond the second: Lectern shows two columns, so it goes below the second` });
    return { div: { kind: 'column', close: [''] }, emit: [''] };
  }
  const shown = classes.filter((c) => !QUIET_DIVS.has(c));
  if (shown.length) dropped.push({ line, what: `::: {${shown.map((c) => `.${c}`).join(' ')}} (a Quarto div): its content is shown without it` });
  else if (attrs.values['style'] !== undefined) dropped.push({ line, what: '::: {style="…"}: the style is not applied' });
  return { div: { kind: 'unwrap', close: [''] }, emit: [''] };
}
