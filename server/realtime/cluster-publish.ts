import type { Logger } from 'pino';

/** The two hooks every socket.io cluster adapter implements to send a message to its peers. */
export interface PublishingAdapter {
  doPublish(message: unknown): Promise<unknown>;
  doPublishResponse(requesterUid: string, response: unknown): Promise<unknown>;
}

/**
 * socket.io's cluster adapter awaits each publish before it delivers a broadcast to this process's
 * own clients, and the Postgres adapter runs those publishes on parallel pool connections. So a
 * slide change reached the room only after a database round trip (5 s while the database hangs),
 * and two quick broadcasts could finish swapped, leaving phones on the previous slide or poll.
 *
 * This makes the adapter's publishes leave one at a time, in the order they were made, in the
 * background: local delivery no longer waits for the database, and peers hear messages in emit
 * order. While the database is away the backlog is bounded (oldest dropped, the periodic resync
 * repairs peers), so an outage cannot grow memory without limit.
 */
export function publishInOrder<A extends PublishingAdapter>(adapter: A, log: Logger, maxQueued = 5_000): A & { published(): Promise<void> } {
  const publish = adapter.doPublish.bind(adapter);
  const respond = adapter.doPublishResponse.bind(adapter);
  const queue: Array<() => Promise<unknown>> = [];
  let running = false;
  let dropped = 0;
  let idle: Array<() => void> = [];

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const send = queue.shift()!;
      try {
        await send();
      } catch (err) {
        log.warn({ err: (err as Error).message, queued: queue.length }, 'cluster message not published');
      }
    }
    running = false;
    if (dropped > 0) {
      log.warn({ dropped }, 'cluster messages dropped while publishing was stalled; peers resync from the database');
      dropped = 0;
    }
    idle.splice(0).forEach((resolve) => resolve());
  }

  function enqueue(send: () => Promise<unknown>) {
    queue.push(send);
    if (queue.length > maxQueued) {
      queue.shift();
      dropped++;
    }
    if (!running) void drain();
  }

  adapter.doPublish = (message: unknown) => {
    enqueue(() => publish(message));
    // The offset is only used for connection-state recovery, which this adapter does not offer.
    return Promise.resolve('');
  };
  adapter.doPublishResponse = (requesterUid: string, response: unknown) => {
    enqueue(() => respond(requesterUid, response));
    return Promise.resolve();
  };
  /** Resolves once everything queued so far has been sent (or failed): wait for it before closing the pool. */
  const published = () => (running ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve());
  return Object.assign(adapter, { published });
}

/**
 * The Redis streams adapter needs each publish's stream offset (connection-state recovery), so its
 * publishes stay awaited; but while Redis is down its client queues commands until it reconnects,
 * and local delivery would stall with them. Past `ms`, the broadcast goes to this process's clients
 * without an offset (a reconnecting phone then falls back to a fresh `state`). Order holds: replies
 * come back in command order and every deadline is the same length.
 */
export function publishWithDeadline<A extends PublishingAdapter>(adapter: A, ms = 250): A {
  const publish = adapter.doPublish.bind(adapter);
  adapter.doPublish = (message: unknown) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(''), ms)));
    const published = publish(message).finally(() => clearTimeout(timer));
    // A publish that fails after its deadline has nobody left to tell.
    published.catch(() => undefined);
    return Promise.race([published, deadline]);
  };
  return adapter;
}
