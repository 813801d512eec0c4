/** Presenter/moderator sessions against both databases: stored hashed, scoped, idle expiry, sign-out. */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions as sessionsTable } from '../../db/schema/index.js';
import { createSessions, type Sessions } from '../../server/auth/sessions.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';

describe.each(drivers)('sessions on %s', (driver) => {
  let db: TestDatabase;
  let t = Date.now();
  const clock = () => t;
  let sessions: Sessions;
  const revokedHere: number[][] = [];
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    sessions = createSessions({ db: db.database.db, log: pino({ level: 'silent' }), idleMs: 60 * 60_000, cacheMs: 0, now: clock, onRevoked: (ids) => revokedHere.push(ids) });
  });
  afterAll(async () => {
    sessions?.close();
    await db?.dispose();
  });

  it('stores only the hash of the 256-bit secret', async () => {
    const { token } = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'a' } }, 'Mozilla/5.0 test');
    expect(token).toMatch(/^ls2\.[\w-]{43}$/);
    const rows = await db.database.db.select().from(sessionsTable);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('opens its own talk only; an admin session opens every talk', async () => {
    const talk = await sessions.issue({ role: 'moderator', scope: { kind: 'talk', talk: 'a' } }, '');
    const admin = await sessions.issue({ role: 'presenter', scope: { kind: 'admin' } }, '');
    expect(await sessions.verify(talk.token, 'a')).toMatchObject({ role: 'moderator' });
    expect(await sessions.verify(talk.token, 'b')).toBeNull();
    expect(await sessions.verify(admin.token, 'b')).toMatchObject({ role: 'presenter', scope: { kind: 'admin' } });
    expect(await sessions.verify(`ls2.${'x'.repeat(43)}`, 'a')).toBeNull();
    expect(await sessions.verify('not a session', 'a')).toBeNull();
  });

  it('expires a session idle past the limit, not one in use', async () => {
    const idle = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'c' } }, '');
    const used = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'c' } }, '');
    sessions.hold(used.session.id); // a connected socket keeps it fresh
    t += 50 * 60_000;
    expect(await sessions.verify(idle.token, 'c')).not.toBeNull(); // used at 50 min: fresh again
    await new Promise((r) => setTimeout(r, 50)); // the touch is written in the background
    t += 50 * 60_000;
    expect(await sessions.verify(idle.token, 'c')).not.toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    t += 61 * 60_000;
    expect(await sessions.verify(idle.token, 'c')).toBeNull();
    sessions.release(used.session.id);
  });

  it('signs one out, or all but one, and says which', async () => {
    const keep = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'd' } }, 'keep');
    const one = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'd' } }, 'one');
    const two = await sessions.issue({ role: 'moderator', scope: { kind: 'talk', talk: 'd' } }, 'two');
    const other = await sessions.issue({ role: 'presenter', scope: { kind: 'talk', talk: 'e' } }, 'other talk');
    const heard: number[][] = [];
    const stop = sessions.onRevoked((ids) => heard.push(ids));
    expect(await sessions.revoke('d', { id: one.session.id })).toEqual([one.session.id]);
    expect(await sessions.revoke('d', { id: other.session.id })).toEqual([]); // another talk's: not this talk's to sign out
    expect(await sessions.revoke('d', { allBut: keep.session.id })).toEqual([two.session.id]);
    expect(await sessions.verify(one.token, 'd')).toBeNull();
    expect(await sessions.verify(two.token, 'd')).toBeNull();
    expect(await sessions.verify(keep.token, 'd')).not.toBeNull();
    expect(await sessions.verify(other.token, 'e')).not.toBeNull();
    expect(heard).toEqual([[one.session.id], [two.session.id]]);
    expect(revokedHere.slice(-2)).toEqual([[one.session.id], [two.session.id]]);
    expect((await sessions.list('d')).map((s) => s.label)).toEqual(['keep']);
    stop();
  });
});
