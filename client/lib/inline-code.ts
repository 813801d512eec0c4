/** Inline code in audience text: `between backticks`, as in Markdown, and nothing else. */

/** A piece of a question: plain text, or inline code written between backticks. */
export interface TextSegment {
  code: boolean;
  text: string;
}

/**
 * Splits `text` on backticks: what stands between a pair is code. A lone backtick, or an empty
 * pair, stays as typed.
 */
export function codeSegments(text: string): TextSegment[] {
  const parts = text.split('`');
  const out: TextSegment[] = [];
  const plain = (t: string) => {
    const last = out[out.length - 1];
    if (last && !last.code) last.text += t;
    else if (t) out.push({ code: false, text: t });
  };
  parts.forEach((part, i) => {
    const opened = i % 2 === 1;
    const closed = opened && i < parts.length - 1;
    if (closed && part) out.push({ code: true, text: part });
    else plain(opened ? `\`${part}${closed ? '`' : ''}` : part);
  });
  return out;
}
