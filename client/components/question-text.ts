import { LitElement, css, html } from 'lit';
import { codeSegments } from '../lib/inline-code.js';

/**
 * A question as the audience typed it, with `inline code` shown as code. Everything goes in
 * through text bindings, so nobody's question can put markup on anyone's screen.
 */
export class QuestionText extends LitElement {
  static override properties = {
    text: { type: String },
  };

  declare text: string;

  static override styles = css`
    :host {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    code {
      font-family: var(--mono);
      font-size: 0.9em;
      padding: 0.05em 0.3em;
      border-radius: 0.25em;
      background: var(--code-bg);
      border: 1px solid var(--border);
    }
  `;

  constructor() {
    super();
    this.text = '';
  }

  override render() {
    return codeSegments(this.text).map((s) => (s.code ? html`<code>${s.text}</code>` : s.text));
  }
}

customElements.define('question-text', QuestionText);

declare global {
  interface HTMLElementTagNameMap {
    'question-text': QuestionText;
  }
}
