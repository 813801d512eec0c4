import { Role } from '../../contract/events.js';
import { resultsFor } from '../domain/poll-visibility.js';
import type { PollEvent, Polls } from '../live/polls/index.js';
import { presenterRoom, staffRoom, talkRoom, votersRoom } from './rooms.js';
import type { LecternServer } from './types.js';

/**
 * Poll facts to rooms, each audience class getting what `resultsFor` allows: the presenter all,
 * the screen the count of hidden results, phones results only through the voters' room once they
 * answered. Returns the unsubscribe function.
 */
export function broadcastPolls(io: LecternServer, polls: Polls): () => void {
  return polls.subscribe((e: PollEvent) => {
    const presenter = io.to(presenterRoom(e.slug));
    const screen = io.to(staffRoom(e.slug)).except(presenterRoom(e.slug));
    if (e.type === 'poll:active') {
      const forRole = (role: Role) => {
        const results = e.poll && e.results ? resultsFor({ role }, e.poll, e.results) : undefined;
        return { poll: e.poll, ...(results ? { results } : {}) };
      };
      presenter.emit('poll:active', { ...forRole(Role.presenter), ...(e.moderation ? { moderation: e.moderation } : {}) });
      screen.emit('poll:active', forRole(Role.screen));
      // Phones that answered get results through their voters' room (see the results feed).
      io.to(talkRoom(e.slug)).except(staffRoom(e.slug)).emit('poll:active', { poll: e.poll });
    } else if (e.type === 'poll:reset') {
      io.to(talkRoom(e.slug)).emit('poll:reset', { poll: e.poll.id });
      // Their answers are gone, so phones leave the room that got live results for them.
      io.in(votersRoom(e.slug, e.runId, e.poll.id)).socketsLeave(votersRoom(e.slug, e.runId, e.poll.id));
    } else {
      // Held, hidden and the latest answers: for those who moderate (the presenter's room).
      presenter.emit('poll:moderation', e.moderation);
      const voters = votersRoom(e.slug, e.runId, e.poll.id);
      const forPresenter = resultsFor({ role: Role.presenter }, e.poll, e.results)!;
      const forScreen = resultsFor({ role: Role.screen }, e.poll, e.results);
      const forVoters = e.toVoters ? resultsFor({ role: Role.audience, answered: true }, e.poll, e.results) : undefined;
      if (forScreen === forPresenter && forVoters === forPresenter) {
        // The common case (visible results, phones due): one encode for staff and voters together.
        io.to([staffRoom(e.slug), voters]).emit('poll:results', { poll: e.poll.id, results: forPresenter });
        return;
      }
      if (forScreen === forPresenter) io.to(staffRoom(e.slug)).emit('poll:results', { poll: e.poll.id, results: forPresenter });
      else {
        presenter.emit('poll:results', { poll: e.poll.id, results: forPresenter });
        if (forScreen) screen.emit('poll:results', { poll: e.poll.id, results: forScreen });
      }
      if (forVoters) io.to(voters).emit('poll:results', { poll: e.poll.id, results: forVoters });
    }
  });
}
