import { LitElement, css, html, nothing } from 'lit';
import type { VoterBurst, VoterSources } from '../../contract/events.js';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * How many devices answered the latest poll and from how many addresses, and a warning when many
 * new devices arrived from one address in a minute (a room behind one NAT, or a script stuffing
 * a poll): the presenter judges. Renders nothing until there is something to say.
 */
export class VoterSourcesView extends LitElement {
  static override properties = {
    sources: { attribute: false },
    burst: { attribute: false },
  };

  declare sources?: VoterSources;
  declare burst?: VoterBurst;

  static override styles = css`
    :host {
      display: contents;
    }
    p {
      margin: 0;
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
    }
    .burst {
      color: var(--warning-text, #8a4b00);
      font-weight: 600;
    }
  `;

  override render() {
    const s = this.sources;
    const b = this.burst;
    return html`${s
        ? html`<p class="sources" title="Answers to ${s.poll}">${plural(s.devices, 'device', 'devices')} answered from ${plural(s.addresses, 'address', 'addresses')}</p>`
        : nothing}${b
        ? html`<p class="burst" role="alert">
            ⚠ ${plural(b.newIds, 'new device', 'new devices')} from one address in ${b.seconds} s${b.refused ? html`, ${b.refused.toLocaleString()} refused` : nothing}
          </p>`
        : nothing}`;
  }
}

customElements.define('voter-sources', VoterSourcesView);

declare global {
  interface HTMLElementTagNameMap {
    'voter-sources': VoterSourcesView;
  }
}
