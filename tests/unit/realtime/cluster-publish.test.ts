import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { publishInOrder, publishWithDeadline } from '../../../server/realtime/cluster-publish.js';

const log = pino({ level: 'silent' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** An adapter whose publishes take as long as the test says, like queries on parallel pool connections. */
function fakeAdapter(delayOf: (message: unknown) => Promise<void>) {
  const published: unknown[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const adapter = {
    async doPublish(message: unknown) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delayOf(message);
      inFlight--;
      published.push(message);
      return 'offset';
    },
    async doPublishResponse(uid: string, response: unknown) {
      await delayOf(response);
      published.push({ uid, response });
    },
  };
  return { adapter, published, maxInFlight: () => maxInFlight };
}

describe('publishInOrder', () => {
  it('publishes in emit order even when earlier publishes are slower', async () => {
    // The first message is slowest: run in parallel, it would be published last.
    const { adapter, published, maxInFlight } = fakeAdapter((m) => new Promise((r) => setTimeout(r, 20 - (m as number) * 4)));
    publishInOrder(adapter, log);
    for (const m of [0, 1, 2, 3, 4]) void adapter.doPublish(m);
    void adapter.doPublishResponse('peer', 5);
    await expect.poll(() => published.length).toBe(6);
    expect(published).toEqual([0, 1, 2, 3, 4, { uid: 'peer', response: 5 }]);
    expect(maxInFlight()).toBe(1);
  });

  it('tells when everything queued has been sent, so the pool is closed only after', async () => {
    const { adapter, published } = fakeAdapter(() => new Promise((r) => setTimeout(r, 5)));
    const ordered = publishInOrder(adapter, log);
    await ordered.published(); // nothing queued
    for (const m of [1, 2, 3]) void adapter.doPublish(m);
    await ordered.published();
    expect(published).toEqual([1, 2, 3]);
  });

  it('resolves at once, so local delivery never waits for the database', async () => {
    const { adapter, published } = fakeAdapter(() => new Promise(() => undefined)); // a hung database
    publishInOrder(adapter, log);
    let resolved = false;
    void adapter.doPublish('slide').then(() => (resolved = true));
    await tick();
    expect(resolved).toBe(true);
    expect(published).toEqual([]);
  });

  it('keeps publishing after a failure', async () => {
    const { adapter, published } = fakeAdapter(async (m) => {
      if (m === 'bad') throw new Error('connection refused');
    });
    publishInOrder(adapter, log);
    for (const m of ['a', 'bad', 'b']) void adapter.doPublish(m);
    await expect.poll(() => published).toEqual(['a', 'b']);
  });

  it('bounds the backlog while publishing is stalled, dropping the oldest', async () => {
    let release!: () => void;
    const stalled = new Promise<void>((r) => (release = r));
    const { adapter, published } = fakeAdapter((m) => (m === 0 ? stalled : Promise.resolve()));
    publishInOrder(adapter, log, 3);
    for (let m = 0; m < 10; m++) void adapter.doPublish(m);
    release();
    await expect.poll(() => published).toEqual([0, 7, 8, 9]);
  });
});

describe('publishWithDeadline', () => {
  it('passes the offset through when the publish is quick', async () => {
    const { adapter } = fakeAdapter(() => Promise.resolve());
    publishWithDeadline(adapter, 50);
    expect(await adapter.doPublish('slide')).toBe('offset');
  });

  it('gives up waiting after the deadline, without an offset, and swallows a late failure', async () => {
    let fail!: (err: Error) => void;
    const { adapter } = fakeAdapter(() => new Promise((_, reject) => (fail = reject)));
    publishWithDeadline(adapter, 20);
    expect(await adapter.doPublish('slide')).toBe('');
    fail(new Error('connection lost')); // would be an unhandled rejection if nobody listened
    await tick();
  });
});

