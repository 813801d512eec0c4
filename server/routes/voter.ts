import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { VoterIssued } from '../../contract/http.js';
import { VOTER_COOKIE, VOTER_COOKIE_MAX_AGE_S } from '../auth/voter-cookie.js';
import type { VoterIds } from '../auth/voter-ids.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { requestAddress } from '../middleware/presenter-auth.js';

/** Whether the phone reached us over HTTPS (directly, through PUBLIC_URL, or a trusted proxy). */
function overHttps(c: Context, deps: { publicUrl?: string; trustProxy?: boolean }): boolean {
  if (deps.publicUrl?.startsWith('https:') || new URL(c.req.url).protocol === 'https:') return true;
  return Boolean(deps.trustProxy && c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim() === 'https');
}

/** True when the request comes from another site's page (its Origin is neither this host nor PUBLIC_URL's). */
function crossSite(c: Context, publicUrl?: string): boolean {
  const origin = c.req.header('origin');
  if (!origin) return false; // scripts and curl send none; browsers always do on a POST
  try {
    const host = new URL(origin).host;
    return host !== c.req.header('host') && host !== (publicUrl ? new URL(publicUrl).host : undefined);
  } catch {
    return true;
  }
}

/**
 * `POST /api/talks/:slug/voter`: the phone's voter id, issued here and kept in a signed, HTTP-only,
 * SameSite=Lax cookie. A phone that already has a valid cookie keeps it (no new id, no limit used).
 */
export function voterRoutes(deps: { talks: Talks; voterIds: VoterIds; trustProxy?: boolean; publicUrl?: string }) {
  const { talks, voterIds } = deps;
  return new Hono().post('/:slug/voter', (c) => {
    const slug = c.req.param('slug');
    talks.require(slug);
    c.header('Cache-Control', 'no-store');
    // another site's page must not swap a phone's voter id for a fresh one (nor spend the room's budget)
    if (crossSite(c, deps.publicUrl)) throw new LecternError(ErrorCode.forbidden, 'Voter ids are issued to this site’s own pages only.');
    if (voterIds.fromCookieHeader(c.req.header('cookie'))) return c.json({ voter: 'kept' } satisfies VoterIssued);
    const minted = voterIds.mint(slug, requestAddress(c, deps.trustProxy));
    if (!minted) {
      c.header('Retry-After', '5');
      throw new LecternError(ErrorCode.rateLimited, 'Too many new devices from this address just now; try again in a few seconds.');
    }
    setCookie(c, VOTER_COOKIE, minted.cookie, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: overHttps(c, deps),
      maxAge: VOTER_COOKIE_MAX_AGE_S,
    });
    return c.json({ voter: 'issued' } satisfies VoterIssued);
  });
}
