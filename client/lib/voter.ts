/**
 * The phone's voter id is issued by the server and kept in a signed, HTTP-only cookie: page script
 * never sees it, and a phone cannot pick one. This asks the server to make sure the cookie is
 * there before the socket connects (the websocket handshake carries it). It identifies a device,
 * never a person.
 */
import type { VoterIssued } from '../../contract/http.js';

/**
 * Makes sure this browser holds a voter cookie for the server; true when it does. False when the
 * server refused a new one (`rate_limited`: too many new devices from this address just now) or
 * could not be reached: the phone can follow the talk, and asks again later.
 */
export async function ensureVoter(slug: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetcher(`/api/talks/${encodeURIComponent(slug)}/voter`, { method: 'POST', credentials: 'same-origin' });
    if (!res.ok) return false;
    const body = (await res.json()) as VoterIssued;
    return body.voter === 'issued' || body.voter === 'kept';
  } catch {
    return false;
  }
}
