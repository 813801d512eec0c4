import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FloatingReaction } from '../controllers/reactions-controller.js';
import { REACTIONS } from '../lib/reactions.js';

/**
 * Reactions rising up the right edge of the stage and fading out, as the room taps them.
 * Decoration only (hidden from screen readers); with reduced motion they fade in place.
 * Its owner decides what floats and for how long; this element only draws it.
 */
export class ReactionBurst extends LitElement {
  static override properties = {
    items: { attribute: false },
  };

  declare items: readonly FloatingReaction[];

  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      overflow: hidden;
      z-index: 2;
    }
    span {
      position: absolute;
      bottom: 4vh;
      left: calc(78% + var(--x) * 0.14%);
      font-family: var(--emoji);
      font-size: clamp(1.75rem, 4vw, 4.5rem);
      line-height: 1;
      animation: rise 2.6s ease-out var(--d) both;
      filter: drop-shadow(0 0.1em 0.15em rgb(0 0 0 / 0.35));
    }
    span.lost {
      left: calc(70% + var(--x) * 0.12%);
      padding: 0.25em 0.6em;
      border-radius: 999px;
      background: var(--warn);
      color: #000;
      font-family: var(--font);
      font-size: clamp(1rem, 1.8vw, 2rem);
      font-weight: 700;
      white-space: nowrap;
    }
    @keyframes rise {
      0% {
        transform: translateY(0) scale(0.6);
        opacity: 0;
      }
      12% {
        transform: translateY(-6vh) scale(1);
        opacity: 1;
      }
      100% {
        transform: translateY(-62vh) scale(1.05);
        opacity: 0;
      }
    }
    @keyframes fade {
      0%,
      100% {
        opacity: 0;
      }
      15%,
      75% {
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      /* no rising: each one fades in and out at its own height */
      span {
        animation-name: fade;
        bottom: calc(4vh + var(--x) * 0.5vh);
      }
    }
  `;

  constructor() {
    super();
    this.items = [];
  }

  override render() {
    return html`<div aria-hidden="true">
      ${repeat(
        this.items,
        (r) => r.id,
        (r) => html`<span class=${r.kind === 'lost' ? 'lost' : ''} style="--x: ${r.x}; --d: ${r.delay}ms">${REACTIONS[r.kind].show}</span>`,
      )}
    </div>`;
  }
}

customElements.define('reaction-burst', ReactionBurst);

declare global {
  interface HTMLElementTagNameMap {
    'reaction-burst': ReactionBurst;
  }
}
