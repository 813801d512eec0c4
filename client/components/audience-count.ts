import { LitElement, css, html } from 'lit';
import { srOnly } from './shared-styles.js';

/** How many phones follow the talk right now. */
export class AudienceCount extends LitElement {
  static override properties = {
    count: { type: Number },
  };

  declare count: number;

  static override styles = [
    srOnly,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      svg {
        width: 1.1em;
        height: 1.1em;
        fill: currentColor;
      }
    `,
  ];

  constructor() {
    super();
    this.count = 0;
  }

  override render() {
    const label = this.count === 1 ? '1 person following' : `${this.count} people following`;
    return html`<svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5Z" />
      </svg>
      <span aria-hidden="true">${this.count}</span><span class="sr-only">${label}</span>`;
  }
}

customElements.define('audience-count', AudienceCount);

declare global {
  interface HTMLElementTagNameMap {
    'audience-count': AudienceCount;
  }
}
