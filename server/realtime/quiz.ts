import { z } from 'zod';
import { Role } from '../../contract/events.js';
import { PollRefSchema } from '../../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Quiz } from '../live/quiz/index.js';
import { meOf } from '../live/quiz/index.js';
import { command, type CommandTable } from './ack.js';
import { requirePresenter } from './presenter.js';
import { staffRoom, talkRoom } from './rooms.js';
import type { LecternServer } from './types.js';

/** `quiz:nickname`: a loose bound on what is parsed; domain/quiz.acceptNickname holds the real one. */
const NicknameSchema = z.object({ name: z.string({ error: 'name must be the nickname as text' }).max(200, 'the nickname is far too long') }).strict();

/** The presenter's reveal (and a driving moderator's), and the phones' nicknames. */
export function quizCommands(quiz: Quiz): CommandTable {
  return [
    ['quiz:reveal', command(PollRefSchema, 'control', ({ poll }, socket) => (requirePresenter(socket), quiz.reveal(socket.data.talk, poll)))],
    [
      'quiz:nickname',
      command(NicknameSchema, 'nickname', ({ name }, socket) => {
        const { role, voter, talk } = socket.data;
        if (role !== Role.audience || !voter) throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can play: reload the page to get one.');
        return quiz.nickname(talk, voter, name);
      }),
    ],
  ];
}

/**
 * Standings to this process's sockets (each process tells its own: a peer recomputes on the peer
 * bus's word). Staff and the screen get the leaderboard in one encode; each phone that plays gets
 * its own place (`me`), phones that do not, one shared encode. Ranks are computed once per change.
 */
export function broadcastStandings(io: LecternServer, quiz: Quiz): () => void {
  return quiz.subscribe(({ slug, standing: run }) => {
    const base = run.standing;
    if (!base.questions) return;
    io.local.to(staffRoom(slug)).emit('quiz:standing', base);
    const sockets = io.of('/').sockets;
    const others: string[] = [];
    for (const id of io.of('/').adapter.rooms.get(talkRoom(slug)) ?? []) {
      const socket = sockets.get(id);
      if (!socket || socket.data.role !== Role.audience) continue;
      const me = socket.data.voter ? run.byVoter.get(socket.data.voter) : undefined;
      if (me) socket.emit('quiz:standing', { ...base, me: meOf(me) });
      else others.push(id);
    }
    if (others.length) io.local.to(others).emit('quiz:standing', base);
  });
}
