/**
 * Where the presenter key lives in the browser. It may arrive once in the URL fragment
 * (`#key=…`, never sent to a server); we keep it per talk in localStorage (swapped for the
 * presenter session once the server sends one) and strip the
 * fragment so it does not linger in the address bar, history or a screenshot.
 */

const storageKey = (slug: string) => `lectern:key:${slug}`;

/** Moves a `#key=…` fragment into storage; returns the key found, if any. */
export function takeKeyFromFragment(slug: string): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('key')?.trim();
  if (!key) return undefined;
  saveKey(slug, key);
  history.replaceState(history.state, '', location.pathname + location.search);
  return key;
}

/** The stored key for a talk, if any. */
export function loadKey(slug: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(slug)) ?? undefined;
  } catch {
    return undefined; // storage disabled (private mode): the presenter types the key each time
  }
}

/** Remembers the key for a talk on this device. */
export function saveKey(slug: string, key: string): void {
  try {
    localStorage.setItem(storageKey(slug), key);
  } catch {
    /* storage disabled: the key still works for this page view */
  }
}

/** Forgets a key the server refused, so the next visit asks again. */
export function forgetKey(slug: string): void {
  try {
    localStorage.removeItem(storageKey(slug));
  } catch {
    /* nothing stored */
  }
}
