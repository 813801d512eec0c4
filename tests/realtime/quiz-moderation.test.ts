/**
 * Hiding a right answer after its question was shown takes its points off the leaderboard (and
 * approving it again gives them back): the standing follows the answers that count. A shown
 * question never opens again.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QuizStanding } from '../../contract/quiz.js';
import { drivers } from '../helpers/databases.js';
import { startTestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';
import { waitFor } from '../helpers/wait.js';

const DECK = fileURLToPath(new URL('../fixtures/decks/quiz.md', import.meta.url));

describe.each(drivers)('moderating a shown quiz question on %s', (driver) => {
  it('a hidden right answer loses its points, an approved one gets them back; the question stays closed', { timeout: 60_000 }, async () => {
    const server = await startTestServer({ driver, decks: [DECK] });
    const presenter = await connect(server.url, { talk: 'quiz', key: server.key });
    const phone = await connect(server.url, { talk: 'quiz', voter: newVoterId() });
    try {
      let mine: QuizStanding | undefined;
      phone.socket.on('quiz:standing', (s) => (mine = s));
      await presenter.socket.emitWithAck('slide:goto', { index: 2 });
      expect(await phone.socket.emitWithAck('vote:cast', { poll: 'rocky', answer: ['Mercury', 'Venus'] })).toMatchObject({ ok: true });
      expect(await presenter.socket.emitWithAck('quiz:reveal', { poll: 'rocky' })).toMatchObject({ ok: true, data: { correct: ['Mercury', 'Venus'], rightCount: 1 } });
      await waitFor('the phone’s place', () => (mine?.me?.score ?? 0) > 0);
      const scored = mine!.me!.score;
      expect(scored).toBeGreaterThan(250);

      const listed = await presenter.socket.emitWithAck('poll:answers', { poll: 'rocky' });
      if (!listed.ok) throw new Error(listed.error.message);
      const id = listed.data.shown[0]!.id;
      expect(await presenter.socket.emitWithAck('poll:moderate', { poll: 'rocky', action: 'hide', ids: [id] })).toMatchObject({ ok: true, data: { changed: 1 } });
      await waitFor('the points taken off', () => mine?.me?.score === 0);
      expect(mine!.me).toMatchObject({ score: 0, right: 0 });

      expect(await presenter.socket.emitWithAck('poll:moderate', { poll: 'rocky', action: 'approve', ids: [id] })).toMatchObject({ ok: true });
      await waitFor('the points given back', () => mine?.me?.score === scored);

      // once its answer is shown, the question does not open again (phones could switch to the right option)
      expect(await presenter.socket.emitWithAck('poll:open', { poll: 'rocky' })).toMatchObject({ ok: false, error: { code: 'poll_closed', message: expect.stringMatching(/reset the poll/) } });
      expect(await phone.socket.emitWithAck('vote:cast', { poll: 'rocky', answer: ['Mercury'] })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    } finally {
      phone.socket.close();
      presenter.socket.close();
      await server.close();
    }
  });
});
