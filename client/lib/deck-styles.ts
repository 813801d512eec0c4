/** A deck's own stylesheet, fetched once per page and adopted by every slide view that shows the deck. */

/** Each deck stylesheet is fetched and parsed once per page, however many slide views use it. */
const deckSheets = new Map<string, Promise<CSSStyleSheet>>();
export function deckSheet(url: string): Promise<CSSStyleSheet> {
  let sheet = deckSheets.get(url);
  if (!sheet) {
    const absolute = new URL(url, location.href).href;
    sheet = fetch(absolute)
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`${res.status}`))))
      // relative url()s in it resolve against the stylesheet, as they would in a <link>
      .then((text) => new CSSStyleSheet({ baseURL: absolute }).replace(text));
    sheet.catch(() => deckSheets.delete(url));
    deckSheets.set(url, sheet);
  }
  return sheet;
}

