/** The audience-facing markup of a poll slide: the question (and choices), never the raw YAML. */
import type { PollSpec } from './types.js';

/** Renders the placeholder the client turns into a voting widget; data attributes carry id and type. */
export function renderPoll(poll: PollSpec, escape: (s: string) => string): string {
  const parts = [`<p class="poll-question">${escape(poll.question)}</p>`];
  if (poll.options) {
    const items = poll.options.map((o) => `<li>${escape(o)}</li>`).join('');
    parts.push(`<ol class="poll-options">${items}</ol>`);
  }
  if (poll.type === 'scale') {
    const [low, high] = poll.labels ?? [];
    const end = (n: number | undefined, label: string | undefined) => escape(label ? `${n} (${label})` : String(n));
    parts.push(`<p class="poll-scale">${end(poll.scaleMin, low)} – ${end(poll.scaleMax, high)}</p>`);
  }
  const attrs = `data-poll="${escape(poll.id)}" data-type="${poll.type}"`;
  return `<div class="poll" ${attrs}>${parts.join('')}</div>\n`;
}
