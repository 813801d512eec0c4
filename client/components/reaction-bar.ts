import { LitElement, css, html } from 'lit';
import type { ReactionKind } from '../../contract/events.js';
import { REACTION_KINDS, REACTIONS } from '../lib/reactions.js';

/**
 * The phone's reaction buttons: five emoji and "Lost me", large enough for a thumb. A tap pops
 * the button and sends a copy floating up (here, at once, whatever the network does); `message`
 * says politely when the server asks for a pause.
 *
 * @fires react - CustomEvent<ReactionKind>
 */
export class ReactionBar extends LitElement {
  static override properties = {
    message: { type: String },
    disabled: { type: Boolean },
  };

  /** Shown (and announced politely) under the buttons, e.g. "slow down". */
  declare message: string;
  declare disabled: boolean;

  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    div {
      display: flex;
      gap: 0.3rem;
    }
    button {
      flex: 1 1 0;
      min-width: 2.5rem;
      min-height: 2.75rem;
      padding: 0 0.2rem;
      font: inherit;
      font-family: var(--emoji);
      font-size: 1.35rem;
      line-height: 1;
      color: var(--fg);
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      cursor: pointer;
      touch-action: manipulation;
    }
    button.text {
      flex: 1.8 1 0;
      font-family: inherit;
      font-size: 0.85rem;
      font-weight: 650;
      white-space: nowrap;
    }
    button:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    button:disabled {
      opacity: 0.5;
    }
    p {
      margin: 0.25rem 0 0;
      font-size: 0.8rem;
      color: var(--muted);
      text-align: center;
    }
    p:empty {
      display: none;
    }
    .float {
      position: absolute;
      bottom: 100%;
      pointer-events: none;
      font-family: var(--emoji);
      font-size: 1.5rem;
      white-space: nowrap;
    }
  `;

  constructor() {
    super();
    this.message = '';
    this.disabled = false;
  }

  override render() {
    return html`<div role="group" aria-label="Reactions">
        ${REACTION_KINDS.map(
          (kind) => html`<button type="button" class=${kind === 'lost' ? 'text' : ''} aria-label=${REACTIONS[kind].name}
            ?disabled=${this.disabled} @click=${(e: Event) => this.#tap(kind, e.currentTarget as HTMLElement)}>${REACTIONS[kind].show}</button>`,
        )}
      </div>
      <p role="status">${this.message}</p>`;
  }

  #tap(kind: ReactionKind, button: HTMLElement): void {
    this.dispatchEvent(new CustomEvent<ReactionKind>('react', { detail: kind, bubbles: true, composed: true }));
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      button.animate([{ opacity: 1 }, { opacity: 0.4 }, { opacity: 1 }], 300);
      return;
    }
    button.animate([{ transform: 'scale(1)' }, { transform: 'scale(1.3)' }, { transform: 'scale(1)' }], 250);
    const float = document.createElement('span');
    float.className = 'float';
    float.textContent = REACTIONS[kind].show;
    float.setAttribute('aria-hidden', 'true');
    float.style.left = `${button.offsetLeft + button.offsetWidth / 2 - 12}px`;
    this.renderRoot.appendChild(float);
    const anim = float.animate([{ transform: 'translateY(0)', opacity: 1 }, { transform: 'translateY(-4rem)', opacity: 0 }], { duration: 900, easing: 'ease-out' });
    anim.onfinish = () => float.remove();
  }
}

customElements.define('reaction-bar', ReactionBar);

declare global {
  interface HTMLElementTagNameMap {
    'reaction-bar': ReactionBar;
  }
}
