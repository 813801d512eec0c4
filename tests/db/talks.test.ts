import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureTalk, findTalk } from '../../db/repo/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';

describe.each(drivers)('talks on %s', (driver) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
  });
  afterEach(() => t.dispose());

  it('ensureTalk creates once per slug and updates title and hash', async () => {
    const { db } = t.database;
    const first = await ensureTalk(db, { slug: 'intro', title: 'Intro', deckHash: 'aaa' });
    const again = await ensureTalk(db, { slug: 'intro', title: 'Intro, revised', deckHash: 'bbb' });
    const other = await ensureTalk(db, { slug: 'other', title: 'Other', deckHash: 'ccc' });

    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    const talk = await findTalk(db, 'intro');
    expect(talk).toMatchObject({ id: first.id, slug: 'intro', title: 'Intro, revised', deckHash: 'bbb' });
    expect(talk!.updatedAt).toBeGreaterThanOrEqual(talk!.createdAt);
    expect(await findTalk(db, 'missing')).toBeNull();
  });
});
