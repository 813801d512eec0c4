/** The HTTP API the pages read: talk list, a talk's rendered slides, its results. */
import type { Handout, TalkDetails, TalkResults, TalkSummary } from '../../contract/http.js';

// the shapes are the server's own (contract/http.ts)
export type { SlideData, TalkDetails, TalkSummary } from '../../contract/http.js';

/** A refusal from the API, carrying the server's error code and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json', ...headers } });
  } catch {
    throw new ApiError('unavailable', 'Cannot reach the Lectern server. Check your connection.', 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(err?.code ?? 'internal', err?.message ?? `The server answered ${res.status}.`, res.status);
  }
  return body as T;
}

/** Lists the talks this server knows. */
export async function fetchTalks(): Promise<TalkSummary[]> {
  const { talks } = await getJson<{ talks: TalkSummary[] }>('/api/talks');
  return talks;
}

/** Fetches a talk's slides; with the presenter key the slides include speaker notes. */
export function fetchTalk(slug: string, key?: string): Promise<TalkDetails> {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return getJson<TalkDetails>(`/api/talks/${encodeURIComponent(slug)}`, headers);
}

// the results' shape is the server's own (a poll of a run, a run, every run of a talk)
export type { PollResultsExport, RunResults, TalkResults } from '../../contract/http.js';

/** Where a talk's results live, as JSON and as a CSV download. */
export function resultsUrls(slug: string) {
  const base = `/api/talks/${encodeURIComponent(slug)}`;
  return { json: `${base}/results`, csv: `${base}/results.csv` };
}

/**
 * Fetches every run's polls, questions and timeline. Public; with the presenter key (stored on the
 * presenter's device) it also includes results still hidden and questions not approved.
 */
export function fetchResults(slug: string, key?: string): Promise<TalkResults> {
  return getJson<TalkResults>(resultsUrls(slug).json, key ? { authorization: `Bearer ${key}` } : {});
}

export type { Handout } from '../../contract/http.js';

/**
 * Fetches a run's handout (`run`: its number; the latest when absent). Refused (`forbidden`) to the
 * room until the talk ends; the presenter's stored key or session previews it.
 */
export function fetchHandout(slug: string, opts: { run?: number; key?: string } = {}): Promise<Handout> {
  const query = opts.run ? `?run=${opts.run}` : '';
  return getJson<Handout>(`/api/talks/${encodeURIComponent(slug)}/handout${query}`, opts.key ? { authorization: `Bearer ${opts.key}` } : {});
}
