import { describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { startTestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';

describe.each(drivers)('restart on %s', (driver) => {
  it('resumes on the same slide and run after a restart on the same database', async () => {
    const first = await startTestServer({ driver });
    const p = await connect(first.url, { talk: 'basic', key: first.key });
    await p.socket.emitWithAck('slide:goto', { index: 3 });
    const runId = p.state.run.id;
    p.socket.close();
    await first.close({ keepDatabase: true });

    const second = await startTestServer({ driver, database: first.database });
    try {
      const phone = await connect(second.url, { talk: 'basic' });
      expect(phone.state.slide).toBe(3);
      expect(phone.state.run.id).toBe(runId);
      phone.socket.close();
    } finally {
      await second.close();
    }
  });
});
