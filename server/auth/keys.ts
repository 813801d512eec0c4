/**
 * The keys of each talk: a presenter key and a moderator key per talk, and the server-wide admin
 * key (PRESENTER_KEY), the presenter of every talk. Keys the configuration does not set are made
 * when first needed: derived from the admin key when there is one (HMAC, so every process and every
 * restart agree, and a talk's key tells nothing of the admin key), else random (this process only;
 * printed in the banner).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Role, type KeyedRole, type KeyScope } from '../domain/roles.js';

/** The keys configured for one talk (either may be missing). */
export interface TalkKeys {
  presenter?: string;
  moderator?: string;
}

/** What a matching key grants. */
export interface KeyGrant {
  role: KeyedRole;
  scope: KeyScope;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares a presented key with the real one in constant time (hashing first evens out lengths). */
export function keyMatches(presented: string, actual: string): boolean {
  return timingSafeEqual(digest(presented), digest(actual));
}

export interface KeyBookOptions {
  /** The server-wide key: presenter of every talk. */
  admin?: string;
  /** Keys set per talk, by slug. */
  talks?: Readonly<Record<string, TalkKeys>>;
  /** True for a talk being served: others have no keys of their own (only the admin key works there). */
  isTalk?: (slug: string) => boolean;
  /** Told once about each talk key made here (not configured), so it can be printed. */
  onGenerated?: (slug: string, role: KeyedRole, key: string, how: 'derived' | 'random') => void;
}

/** The keys of every talk; see the module comment. */
export function createKeyBook(opts: KeyBookOptions) {
  const { admin } = opts;
  const keys = new Map<string, Required<TalkKeys>>();
  // what an unserved slug is compared with: nothing anyone can present
  const nobody = randomBytes(32).toString('hex');
  const unserved = { presenter: nobody, moderator: nobody };

  function make(slug: string, role: KeyedRole): string {
    const configured = opts.talks?.[slug]?.[role];
    if (configured) return configured;
    const key = admin
      ? createHmac('sha256', admin).update(`lectern talk key\0${role}\0${slug}`).digest('base64url').slice(0, 24)
      : randomBytes(18).toString('base64url');
    opts.onGenerated?.(slug, role, key, admin ? 'derived' : 'random');
    return key;
  }

  /** The talk's presenter and moderator keys (made on first call when not configured). */
  function keysFor(slug: string): Required<TalkKeys> {
    let k = keys.get(slug);
    if (!k) {
      k = { presenter: make(slug, Role.presenter), moderator: make(slug, Role.moderator) };
      keys.set(slug, k);
    }
    return k;
  }

  return {
    keysFor,
    /** True when the server has an admin key. */
    hasAdmin: admin !== undefined,
    /**
     * What `presented` opens in `talk`: the admin key, the talk's presenter key or its moderator
     * key. Every candidate is compared, in constant time, whichever matches.
     */
    match(talk: string, presented: string): KeyGrant | null {
      // no keys are made (and kept) for a slug nobody serves
      const k = opts.isTalk && !opts.isTalk(talk) && !opts.talks?.[talk] ? unserved : keysFor(talk);
      const isAdmin = admin !== undefined && keyMatches(presented, admin);
      const isPresenter = keyMatches(presented, k.presenter);
      const isModerator = keyMatches(presented, k.moderator);
      if (isAdmin) return { role: Role.presenter, scope: { kind: 'admin' } };
      if (isPresenter) return { role: Role.presenter, scope: { kind: 'talk', talk } };
      if (isModerator) return { role: Role.moderator, scope: { kind: 'talk', talk } };
      return null;
    },
  };
}

export type KeyBook = ReturnType<typeof createKeyBook>;
