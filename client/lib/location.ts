/** Reading where a page is: the server routes `/:slug[/screen|/present]` to the pages. */

/** The talk slug: the first path segment, decoded ('' on the talk list). */
export function slugFromPath(pathname: string = location.pathname): string {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  try {
    return decodeURIComponent(first);
  } catch {
    return first;
  }
}

/** Absolute URLs of a talk's views, for links and the join hint; `origin` may be PUBLIC_URL. */
export function talkUrls(slug: string, origin: string = location.origin) {
  const base = `${origin.replace(/\/+$/, '')}/${encodeURIComponent(slug)}`;
  return { audience: base, screen: `${base}/screen`, present: `${base}/present`, results: `${base}/results` };
}

/** An address as people type it: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
