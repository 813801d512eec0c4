import { LitElement, css, html, nothing, svg } from 'lit';
import { create } from 'qrcode';

/** The QR symbol as one SVG path: a run of dark modules in a row becomes one rectangle. */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x]) continue;
      let run = 1;
      while (x + run < size && data[y * size + x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size, d };
}

/**
 * "Join at …" for the projector: a QR code (made here, in the browser; nothing is fetched)
 * and the short address to type. Black on white whatever the theme, so every camera reads it.
 */
export class JoinBanner extends LitElement {
  static override properties = {
    url: { type: String },
    label: { type: String },
  };

  /** The address the QR code opens: PUBLIC_URL/slug, or this origin. */
  declare url: string;
  /** The same address as people type it (no scheme). */
  declare label: string;
  #qr?: { url: string; size: number; d: string };

  static override styles = css`
    :host {
      display: block;
      color: var(--fg);
    }
    figure {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.75em;
      text-align: center;
    }
    svg {
      display: block;
      inline-size: 100%;
      max-inline-size: 60vh;
      block-size: auto;
      border-radius: 0.4em;
    }
    figcaption {
      font-size: 1.1em;
    }
    .address {
      display: block;
      font-size: 1.35em;
      font-weight: 700;
      overflow-wrap: anywhere;
      color: var(--accent-text);
    }
  `;

  constructor() {
    super();
    this.url = '';
    this.label = '';
  }

  protected override willUpdate(): void {
    if (this.url && this.#qr?.url !== this.url) this.#qr = { url: this.url, ...qrPath(this.url) };
  }

  override render() {
    const qr = this.#qr;
    if (!qr || !this.url) return nothing;
    const quiet = 4; // the white margin QR readers need
    const box = qr.size + quiet * 2;
    return html`<figure>
      <svg viewBox="${-quiet} ${-quiet} ${box} ${box}" role="img" aria-label="QR code to join: ${this.label || this.url}"
        shape-rendering="crispEdges">
        ${svg`<rect x=${-quiet} y=${-quiet} width=${box} height=${box} fill="#fff"></rect><path d=${qr.d} fill="#000"></path>`}
      </svg>
      <figcaption>Join at <span class="address">${this.label || this.url}</span></figcaption>
    </figure>`;
  }
}

customElements.define('join-banner', JoinBanner);

declare global {
  interface HTMLElementTagNameMap {
    'join-banner': JoinBanner;
  }
}
