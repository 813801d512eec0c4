/**
 * A Slidev slide's content → Lectern Markdown (types.ts): click animations become steps
 * (`<v-click>` and `v-click` on a block → `::: fragment`, `<v-clicks>` over a list →
 * `::: incremental`, `v-after` joins the previous fragment), Vue components and directives lose
 * their tags but keep their content, `{{ }}` expressions, `<style>`/`<script>` blocks and HTML
 * comments go. What cannot be shown is pushed to `dropped` with its file line. Pure, never throws.
 */
import { codeSpans, fenceTracker, stripComments } from '../scan.js';
import type { Dropped } from './types.js';

const TAG = /<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const MUSTACHE = /\{\{[\s\S]*?\}\}/g;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const SLOT_SUGAR = /^\s*::([\w-]+)::\s*$/;
const BLOCK_OPEN = /^\s*<(style|script)\b[^>]*>/i;

type Kind = 'fragment' | 'incremental' | 'strip' | 'plain';

interface Container {
  openAt: number;
  closeAt: number;
  parent: Container | null;
  height: number;
}

interface OpenElement {
  name: string;
  kind: Kind;
  /** Whether the tag itself stays in the body (a standard element that lost only its directives). */
  keepTag: boolean;
  container: Container | null;
}

/** A Vue component (PascalCase or a dashed custom element), not an HTML element. */
function isComponent(name: string): boolean {
  return /[A-Z]/.test(name) || name.includes('-');
}

/** A Slidev slide's lines as Lectern Markdown (see the module comment); what is lost goes to `dropped`. */
export function translateSlidevMarkup(input: readonly string[], firstLine: number, dropped: Dropped[]): string {
  const report = (index: number, what: string) => dropped.push({ line: firstLine + index, what });
  const lines = removeStyleAndScript(input, report);
  const out: string[] = [];
  const stack: OpenElement[] = [];
  const containers: Container[] = [];
  /** Output indices of `:::` lines closing a fragment, for `v-after` to reopen. */
  const fragmentCloses = new Map<number, Container>();
  const inFence = fenceTracker();
  let inComment = false;

  const innermostContainer = (): Container | null => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.container) return stack[k]!.container;
    return null;
  };

  for (let index = 0; index < lines.length; index++) {
    const original = lines[index] ?? '';
    if (!inComment && inFence(original)) {
      out.push(original);
      continue;
    }
    const uncommented = stripComments(original, inComment);
    inComment = uncommented.open;
    let line = uncommented.text;
    if (line.trim() === '' && original.trim() !== '') {
      out.push('');
      continue;
    }
    const slot = SLOT_SUGAR.exec(line);
    if (slot && slot[1] !== 'left' && slot[1] !== 'right') {
      if (slot[1] !== 'default') report(index, `::${slot[1]}:: (a slot of a Slidev layout): its content follows in the slide's flow`);
      out.push('');
      continue;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const before: Array<{ text: string; container?: Container }> = [];
    const closes: Container[] = [];
    const spans = codeSpans(line);
    const inCode = (at: number) => spans.some(([s, e]) => at >= s && at < e);
    let rebuilt = '';
    let pos = 0;

    const openContainer = (kind: 'fragment' | 'incremental'): Container => {
      const container: Container = { openAt: -1, closeAt: -1, parent: innermostContainer(), height: 0 };
      containers.push(container);
      before.push({ text: `${indent}::: ${kind}`, container });
      return container;
    };
    const closeContainer = (container: Container) => closes.push(container);
    /** A step opening here: a new fragment, or for `v-after` the previous one reopened. */
    const openStep = (after: boolean): Container => {
      if (after) {
        let last = out.length - 1;
        while (last >= 0 && out[last]!.trim() === '') last--;
        const previous = fragmentCloses.get(last);
        if (previous && before.length === 0) {
          out[last] = '';
          fragmentCloses.delete(last);
          return previous;
        }
        report(index, 'v-after not right after a v-click: revealed one step later instead of with it');
      }
      return openContainer('fragment');
    };

    for (const m of line.matchAll(TAG)) {
      const at = m.index;
      if (inCode(at)) continue;
      const [whole, slash, rawName, attrText = '', selfClose] = m;
      const name = rawName!;
      const lower = name.toLowerCase();
      const text = line.slice(pos, at);
      rebuilt += text;
      pos = at + whole.length;
      const atLineStart = line.slice(0, at).trim() === '' || rebuilt.trim() === '';

      if (slash) {
        let found = -1;
        for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.name === lower) { found = k; break; }
        if (found < 0) {
          if (isComponent(name) || lower === 'template') report(index, `</${name}> without its opening tag: removed`);
          else rebuilt += whole;
          continue;
        }
        const [element] = stack.splice(found);
        if (element!.keepTag) rebuilt += whole;
        if (element!.container) closeContainer(element!.container);
        continue;
      }

      const attrs = [...attrText.matchAll(ATTR)].map((a) => ({ key: a[1]!, value: a[2], text: a[0] }));
      const selfClosing = selfClose === '/' || VOID.has(lower);
      const push = (element: OpenElement) => {
        if (!selfClosing) stack.push(element);
        else if (element.container) closeContainer(element.container);
      };

      if (lower === 'v-click' || lower === 'v-after' || lower === 'v-clicks') {
        const options = attrs.filter((a) => a.key !== 'v-click' && a.key !== 'v-after');
        if (attrs.some((a) => a.key === 'hide')) {
          report(index, `<${name} hide> (hidden after a click): shown throughout, Lectern does not hide on a step`);
          push({ name: lower, kind: 'strip', keepTag: false, container: null });
          continue;
        }
        for (const option of options) report(index, `${option.key}${option.value ? `=${option.value}` : ''} on <${name}> (click order or depth): ignored, revealed in the order of the slide`);
        if (!atLineStart) {
          report(index, `<${name}> inside a line: its content is shown from the start (Lectern steps whole blocks)`);
          push({ name: lower, kind: 'strip', keepTag: false, container: null });
          continue;
        }
        if (lower === 'v-clicks') {
          const hasList = listFollows(lines, index, pos);
          if (!hasList) report(index, '<v-clicks> without a list: its content is one step');
          push({ name: lower, kind: hasList ? 'incremental' : 'fragment', keepTag: false, container: openContainer(hasList ? 'incremental' : 'fragment') });
          continue;
        }
        push({ name: lower, kind: 'fragment', keepTag: false, container: openStep(lower === 'v-after') });
        continue;
      }

      if (lower === 'template') {
        const slotName = attrs.map((a) => /^(?:#|v-slot:)([\w-]+)$/.exec(a.key)?.[1]).find(Boolean);
        if (slotName === 'left' || slotName === 'right') {
          before.push({ text: '' }, { text: `${indent}::${slotName}::` }, { text: '' });
        } else if (slotName && slotName !== 'default') {
          report(index, `<template #${slotName}> (a slot of a Slidev layout or component): its content follows in the slide's flow`);
        }
        push({ name: lower, kind: 'strip', keepTag: false, container: null });
        continue;
      }

      if (isComponent(name)) {
        report(index, `<${name}> (a Slidev/Vue component): not shown${selfClosing ? '' : ', its content is kept as text'}`);
        push({ name: lower, kind: 'strip', keepTag: false, container: null });
        continue;
      }

      // A standard element: its Vue directives go, the element stays.
      const directives = attrs.filter((a) => /^(v-|:|@|#)/.test(a.key));
      const kept = attrs.filter((a) => !directives.includes(a));
      const tag = `<${name}${kept.map((a) => ` ${a.text}`).join('')}${selfClose ? ' /' : ''}>`;
      const click = directives.find((a) => /^v-(click|after)(\.|$)/.test(a.key));
      for (const d of directives) if (d !== click) report(index, `${d.key} on <${name}> (a Vue directive or binding): ignored`);
      if (!click) {
        rebuilt += directives.length ? tag : whole;
        push({ name: lower, kind: 'plain', keepTag: true, container: null });
        continue;
      }
      rebuilt += tag;
      if (click.key.includes('.hide')) {
        report(index, `${click.key} on <${name}> (hidden after a click): shown throughout, Lectern does not hide on a step`);
        push({ name: lower, kind: 'plain', keepTag: true, container: null });
      } else if (!atLineStart) {
        report(index, `${click.key} on <${name}> inside a line: shown from the start (Lectern steps whole blocks)`);
        push({ name: lower, kind: 'plain', keepTag: true, container: null });
      } else {
        if (click.value !== undefined) report(index, `${click.key}=${click.value} on <${name}> (click order): ignored, revealed in the order of the slide`);
        push({ name: lower, kind: 'fragment', keepTag: true, container: openStep(click.key.startsWith('v-after')) });
      }
    }
    rebuilt += line.slice(pos);

    const withoutMustache = rebuilt.replace(MUSTACHE, (expr, offset: number) => {
      if (inCode(offset)) return expr;
      report(index, `${expr.length > 40 ? `${expr.slice(0, 37)}…}}` : expr} (a Vue expression): not shown`);
      return '';
    });
    rebuilt = withoutMustache.replace(/\]\(\/(?!\/)/g, '](public/');
    const blank = rebuilt.trim() === '';
    for (const b of before) {
      if (b.container) b.container.openAt = out.length;
      out.push(b.text);
    }
    // a line that held only the tags becomes the marker line, keeping the line count
    if (!(blank && (before.length || closes.length) && original.trim() !== '')) out.push(rebuilt);
    for (const container of closes) {
      container.closeAt = out.length;
      fragmentCloses.set(out.length, container);
      out.push(`${indent}:::`);
    }
  }
  // Elements never closed: their steps end with the slide.
  for (const element of stack.reverse()) {
    if (!element.container) continue;
    report(lines.length - 1, `<${element.name}> is never closed: its step runs to the end of the slide`);
    element.container.closeAt = out.length;
    out.push(':::');
  }
  return markContainers(out, containers).join('\n');
}

/** Lengthens the markers of containers that hold others (`::::` around `:::`), so an inner `:::` never closes the outer one. */
function markContainers(out: string[], containers: Container[]): string[] {
  for (const c of containers) {
    for (let p = c.parent, h = 1; p; p = p.parent, h++) p.height = Math.max(p.height, h);
  }
  for (const c of containers) {
    if (c.height === 0) continue;
    const marker = ':'.repeat(3 + c.height);
    if (c.openAt >= 0) out[c.openAt] = out[c.openAt]!.replace(':::', marker);
    if (c.closeAt >= 0) out[c.closeAt] = out[c.closeAt]!.replace(':::', marker);
  }
  return out;
}

/** Whether a list item comes before `</v-clicks>` (from offset `from` on line `index`). */
function listFollows(lines: readonly string[], index: number, from: number): boolean {
  const inFence = fenceTracker();
  for (let k = index; k < lines.length; k++) {
    const line = k === index ? (lines[k] ?? '').slice(from) : (lines[k] ?? '');
    if (k > index && inFence(line)) continue;
    const close = line.indexOf('</v-clicks>');
    const text = close < 0 ? line : line.slice(0, close);
    if (LIST_ITEM.test(text)) return true;
    if (close >= 0) return false;
  }
  return false;
}

/** `<style>` and `<script>` blocks (Slidev's per-slide CSS and Vue setup) blanked, line count kept. */
function removeStyleAndScript(lines: readonly string[], report: (index: number, what: string) => void): string[] {
  const out = [...lines];
  const inFence = fenceTracker();
  for (let i = 0; i < out.length; i++) {
    if (inFence(out[i] ?? '')) continue;
    const open = BLOCK_OPEN.exec(out[i] ?? '');
    if (!open) continue;
    const tag = open[1]!.toLowerCase();
    report(i, tag === 'style' ? '<style> in a slide (Slidev scoped CSS): not applied; put it in the deck\'s css: file' : '<script> in a slide (Vue code): not run');
    let end = i;
    while (end < out.length && !(out[end] ?? '').toLowerCase().includes(`</${tag}>`)) end++;
    for (let k = i; k <= Math.min(end, out.length - 1); k++) out[k] = '';
    i = end;
  }
  return out;
}
