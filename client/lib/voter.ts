/**
 * The phone's voter id: random, made once, kept in localStorage so a reload (or a dropped
 * connection) is still the same voter. It identifies a device, never a person.
 */

const STORAGE_KEY = 'lectern:voter';
const VALID = /^[A-Za-z0-9_-]{16,64}$/;

/** 18 random bytes as base64url: 24 characters of [A-Za-z0-9_-]. */
export function newVoterId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** This device's voter id, created on first use. Without storage it lasts for this page view. */
export function voterId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage()): string {
  const stored = storage?.getItem(STORAGE_KEY);
  if (stored && VALID.test(stored)) return stored;
  const id = newVoterId();
  try {
    storage?.setItem(STORAGE_KEY, id);
  } catch {
    /* storage full or disabled: the id still works until the page is closed */
  }
  return id;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined; // some browsers throw on access in private mode
  }
}
