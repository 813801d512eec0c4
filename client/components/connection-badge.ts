import { LitElement, css, html } from 'lit';
import type { ConnectionStatus } from '../controllers/live-socket.js';

const labels: Record<ConnectionStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  error: 'Offline',
};

/**
 * A small pill saying whether this view follows the talk live. Colour is never the only cue:
 * the word changes too.
 */
export class ConnectionBadge extends LitElement {
  static override properties = {
    status: { type: String, reflect: true },
    message: { type: String },
  };

  declare status: ConnectionStatus;
  /** Extra detail shown as a tooltip (e.g. the server's reason). */
  declare message: string;

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.15em 0.6em;
      border: 1px solid var(--border);
      border-radius: 999px;
      font-size: 0.8rem;
      color: var(--muted);
      white-space: nowrap;
    }
    .dot {
      width: 0.55em;
      height: 0.55em;
      border-radius: 50%;
      background: currentColor;
    }
    :host([status='live']) {
      color: var(--ok);
    }
    :host([status='connecting']),
    :host([status='reconnecting']) {
      color: var(--warn);
    }
    :host([status='reconnecting']) .dot,
    :host([status='connecting']) .dot {
      animation: pulse 1.2s ease-in-out infinite;
    }
    :host([status='error']) {
      color: var(--danger);
    }
    @keyframes pulse {
      50% {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none !important;
      }
    }
  `;

  constructor() {
    super();
    this.status = 'idle';
    this.message = '';
  }

  override render() {
    return html`<span class="dot" aria-hidden="true"></span><span title=${this.message}>${labels[this.status]}</span>`;
  }
}

customElements.define('connection-badge', ConnectionBadge);

declare global {
  interface HTMLElementTagNameMap {
    'connection-badge': ConnectionBadge;
  }
}
