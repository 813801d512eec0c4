import { LitElement, html, nothing } from 'lit';
import { engagementFlags, formatDuration, reactionTotal, seen, type TimelineRow } from '../lib/engagement.js';
import { REACTION_KINDS, REACTIONS } from '../lib/reactions.js';
import { engagementTimelineStyles } from './engagement-timeline-styles.js';
import { srOnly } from './shared-styles.js';

/**
 * A run slide by slide: time spent (mm:ss), reactions by kind, answers and questions, each with a
 * small bar against the busiest slide. The slide where "lost me" peaked and the one where the
 * room went quiet are marked in words as well as colour, and named above the table.
 */
export class EngagementTimeline extends LitElement {
  static override properties = {
    timeline: { attribute: false },
  };

  declare timeline: readonly TimelineRow[];

  static override styles = [srOnly, engagementTimelineStyles];

  constructor() {
    super();
    this.timeline = [];
  }

  override render() {
    const rows = this.timeline;
    if (!rows.length) return html`<p class="empty">No slides were shown in this run.</p>`;
    const flags = engagementFlags(rows);
    const max = {
      seconds: Math.max(1, ...rows.map((r) => r.seconds)),
      reactions: Math.max(1, ...rows.map(reactionTotal)),
      answers: Math.max(1, ...rows.map((r) => r.answers)),
      questions: Math.max(1, ...rows.map((r) => r.questions)),
    };
    const title = (slide: number) => `slide ${slide + 1}, “${rows.find((r) => r.slide === slide)?.title ?? ''}”`;
    return html`
      ${flags.lostPeak || flags.drop
        ? html`<ul class="findings">
            ${flags.lostPeak
              ? html`<li><span class="mark lost">Lost me</span> peaked on ${title(flags.lostPeak.slide)}: ${flags.lostPeak.count} ${flags.lostPeak.count === 1 ? 'tap' : 'taps'}.</li>`
              : nothing}
            ${flags.drop
              ? html`<li><span class="mark drop">Drop</span> Engagement fell most on ${title(flags.drop.slide)}: from ${flags.drop.from} to ${flags.drop.to} (reactions, answers and questions).</li>`
              : nothing}
          </ul>`
        : nothing}
      <div class="scroll" role="region" aria-label="Engagement per slide" tabindex="0">
        <table>
          <caption class="sr-only">Engagement per slide: time spent, reactions, poll answers and questions</caption>
          <thead>
            <tr><th scope="col">Slide</th><th scope="col">Time</th><th scope="col">Reactions</th><th scope="col">Answers</th><th scope="col">Questions</th></tr>
          </thead>
          <tbody>
            ${rows.map((r) => {
              const lost = flags.lostPeak?.slide === r.slide;
              const drop = flags.drop?.slide === r.slide;
              return html`<tr class="${lost ? 'lost' : ''} ${drop ? 'drop' : ''} ${seen(r) ? '' : 'unseen'}">
                <th scope="row">
                  <span class="num">${r.slide + 1}</span> ${r.title}
                  ${lost ? html`<span class="mark lost">Lost me peak</span>` : nothing}
                  ${drop ? html`<span class="mark drop">Drop</span>` : nothing}
                </th>
                <td>${formatDuration(r.seconds)}${this.#bar(r.seconds, max.seconds)}</td>
                <td>${this.#reactions(r)}${this.#bar(reactionTotal(r), max.reactions)}</td>
                <td>${r.answers}${this.#bar(r.answers, max.answers)}</td>
                <td>${r.questions}${this.#bar(r.questions, max.questions)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  #reactions(r: TimelineRow) {
    const kinds = REACTION_KINDS.filter((k) => r.reactions[k]);
    if (!kinds.length) return '0';
    return html`<span class="kinds">${kinds.map(
      (k) =>
        k === 'lost'
          ? html`<span class="kind lost">Lost me ${r.reactions[k]}</span>`
          : html`<span class="kind"><span class="emoji" aria-hidden="true">${REACTIONS[k].show}</span><span class="sr-only">${REACTIONS[k].name}</span> ${r.reactions[k]}</span>`,
    )}</span>`;
  }

  #bar(value: number, max: number) {
    return html`<span class="bar" aria-hidden="true"><span style="inline-size: ${((100 * value) / max).toFixed(1)}%"></span></span>`;
  }
}

customElements.define('engagement-timeline', EngagementTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'engagement-timeline': EngagementTimeline;
  }
}
