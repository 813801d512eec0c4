import { LitElement, css, html } from 'lit';
import type { PollResults, PollView } from '../../contract/events.js';
import { buttonStyles } from './shared-styles.js';
import { chartSvg, DEFAULT_CHART_COLORS, type ChartColors } from './chart-export-svg.js';

/** The page's accent, where it is a plain colour every SVG viewer reads; else Lectern's blue. */
function pageColors(): ChartColors {
  const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
  return { ...DEFAULT_CHART_COLORS, ...(/^#[0-9a-f]{3,8}$/i.test(accent) ? { accent } : {}) };
}

/** Hands a file to the browser's downloads. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once it started
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws an SVG document on a canvas (twice its size, for sharp slides) and encodes it as PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image.');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('This browser cannot make a PNG.'))), 'image/png'));
}

/**
 * "Save SVG" and "Save PNG" for one poll's chart: a standalone file drawn from the results (the page's
 * chart is HTML), named after the talk, the run and the poll.
 */
export class ChartExport extends LitElement {
  static override properties = {
    results: { attribute: false },
    poll: { attribute: false },
    name: { type: String },
    _error: { state: true },
  };

  declare results: PollResults | undefined;
  declare poll: PollView | undefined;
  /** The file name without extension (`homelab-run1-breaks`). */
  declare name: string;
  declare private _error: string;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      button {
        min-height: 2.25rem;
        padding: 0.25em 0.75em;
        font-size: 0.9rem;
      }
      .error {
        color: var(--danger);
        font-size: 0.9rem;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.results = undefined;
    this.poll = undefined;
    this.name = 'chart';
    this._error = '';
  }

  override render() {
    const what = this.poll ? `the chart of “${this.poll.question}”` : 'the chart';
    return html`
      <button type="button" title=${`Save ${what} as an SVG file`} ?disabled=${!this.results} @click=${this.#saveSvg}>Save SVG</button>
      <button type="button" title=${`Save ${what} as a PNG image`} ?disabled=${!this.results} @click=${this.#savePng}>Save PNG</button>
      <span class="error" role="status">${this._error}</span>
    `;
  }

  #svg(): string | undefined {
    return this.results ? chartSvg(this.results, this.poll, pageColors()) : undefined;
  }

  readonly #saveSvg = () => {
    const svg = this.#svg();
    if (svg) save(new Blob([svg], { type: 'image/svg+xml' }), `${this.name}.svg`);
  };

  readonly #savePng = async () => {
    const svg = this.#svg();
    if (!svg) return;
    this._error = '';
    try {
      save(await svgToPng(svg), `${this.name}.png`);
    } catch (e) {
      this._error = e instanceof Error ? e.message : 'Could not make the PNG.';
    }
  };
}

customElements.define('chart-export', ChartExport);

declare global {
  interface HTMLElementTagNameMap {
    'chart-export': ChartExport;
  }
}
