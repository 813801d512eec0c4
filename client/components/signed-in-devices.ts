import { LitElement, css, html, nothing } from 'lit';
import type { SessionInfo } from '../../contract/events.js';

/** `sign-out` asks to sign out one device (`id`) or every other one (`all`). */
export type SignOutDetail = { id: number } | { all: true };

const ago = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.round(m / 60)} h ago`;
};

/** A user agent cut to what a person recognises: the browser and the system. */
function deviceName(label: string): string {
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(label)?.[1]?.replace('Edg', 'Edge');
  const system = /(Android|iPhone|iPad|Mac OS X|Windows|Linux|CrOS)/.exec(label)?.[1]?.replace('Mac OS X', 'macOS');
  if (browser || system) return [browser, system].filter(Boolean).join(' on ');
  return label.slice(0, 60) || 'Unknown device';
}

/**
 * The devices signed in to this talk as presenter or moderator, for the presenter: each with its
 * role and when it was last seen, and buttons that sign one or every other device out (it is
 * disconnected and must give the key again). Fires `refresh` and `sign-out`.
 */
export class SignedInDevices extends LitElement {
  static override properties = {
    sessions: { attribute: false },
    disabled: { type: Boolean },
    now: { attribute: false },
  };

  declare sessions: SessionInfo[];
  declare disabled: boolean;
  /** The time to count "last seen" from (server time, ms). */
  declare now: number;

  constructor() {
    super();
    this.sessions = [];
    this.disabled = false;
    this.now = Date.now();
  }

  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
    }
    li {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      flex-wrap: wrap;
      padding: 0.25rem 0;
      border-bottom: 1px solid color-mix(in srgb, currentColor 15%, transparent);
    }
    .name {
      font-weight: 600;
    }
    .meta {
      opacity: 0.75;
      font-size: 0.9em;
    }
    button {
      margin-left: auto;
      font: inherit;
    }
  `;

  override render() {
    const others = this.sessions.filter((s) => !s.current);
    return html`
      <ul aria-label="Signed-in devices">
        ${this.sessions.map(
          (s) => html`<li>
            <span class="name">${deviceName(s.label)}</span>
            <span class="meta">${s.admin ? 'admin' : s.role}${s.current ? ' · this device' : ''} · ${s.connected ? 'connected' : `last seen ${ago(this.now - s.lastSeenAt)}`}</span>
            ${s.current
              ? nothing
              : html`<button type="button" ?disabled=${this.disabled} @click=${() => this.#signOut({ id: s.id })} aria-label="Sign out ${deviceName(s.label)}">Sign out</button>`}
          </li>`,
        )}
      </ul>
      <button type="button" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(new CustomEvent('refresh'))}>Refresh</button>
      ${others.length ? html`<button type="button" ?disabled=${this.disabled} @click=${() => this.#signOut({ all: true })}>Sign out all other devices</button>` : nothing}
    `;
  }

  #signOut(detail: SignOutDetail) {
    this.dispatchEvent(new CustomEvent<SignOutDetail>('sign-out', { detail }));
  }
}

customElements.define('signed-in-devices', SignedInDevices);

declare global {
  interface HTMLElementTagNameMap {
    'signed-in-devices': SignedInDevices;
  }
}
