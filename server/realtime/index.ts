import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION, Role, type TalkState } from '../contract/events.js';
import { NoPayloadSchema } from '../contract/schemas.js';
import type { PollEvent, Polls } from '../live/polls.js';
import { runInfo, talkInfo, type TalkEvent, type Talks } from '../live/talks.js';
import { command } from './ack.js';
import { createAudienceCounter } from './audience-count.js';
import { authenticate } from './auth.js';
import { registerPollHandlers } from './polls.js';
import { registerPresenterHandlers } from './presenter.js';
import { staffRoom, talkRoom, votersRoom } from './rooms.js';
import type { LecternServer, LecternSocket } from './types.js';

export interface RealtimeDeps {
  talks: Talks;
  polls: Polls;
  presenterKey: string;
  log: Logger;
}

/** Attaches the typed socket.io server to the HTTP server that Hono serves on: one port for both. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
  const { talks, polls, log } = deps;
  const io: LecternServer = new Server(httpServer, {
    // Websocket only: no long-polling means no sticky sessions when several processes serve a talk.
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
  });
  const audience = createAudienceCounter((slug, count) => io.to(staffRoom(slug)).emit('audience', { count }));

  /** The full state for one socket; joins the voter room when the phone already answered. */
  async function stateFor(socket: LecternSocket): Promise<TalkState> {
    const { talk: slug, role, voter } = socket.data;
    const { runId, ...active } = await polls.active(slug, { staff: role !== Role.audience, voter });
    if (active.poll && active.myAnswer !== undefined) void socket.join(votersRoom(slug, runId, active.poll.id));
    const talk = talks.require(slug);
    return {
      protocol: PROTOCOL_VERSION,
      role,
      talk: talkInfo(talk.deck),
      run: runInfo(talk.run),
      slide: talk.run.currentSlide,
      audience: audience.count(slug),
      active,
      at: Date.now(),
    };
  }

  io.use(authenticate(deps));
  io.on('connection', (socket) => {
    const { talk: slug, role } = socket.data;
    void socket.join(role === Role.audience ? talkRoom(slug) : [talkRoom(slug), staffRoom(slug)]);
    if (role === Role.audience) {
      audience.add(slug, 1);
      socket.on('disconnect', () => audience.add(slug, -1));
    }
    registerPresenterHandlers(socket, { talks, log });
    registerPollHandlers(socket, { polls, log });
    socket.on('state:get', command(NoPayloadSchema, () => stateFor(socket), log));
    stateFor(socket).then(
      (state) => socket.emit('state', state),
      (err) => {
        log.error({ err }, 'could not read state for a new socket');
        socket.disconnect(true);
      },
    );
  });

  const unsubscribeTalks = talks.subscribe((e: TalkEvent) => {
    const room = io.to(talkRoom(e.slug));
    if (e.type === 'slide:changed') room.emit('slide:changed', e.change);
    else if (e.type === 'deck:updated') room.emit('deck:updated', { talk: e.talk, slide: e.slide });
    else room.emit('run:started', { run: e.run, slide: e.slide });
  });

  const unsubscribePolls = polls.subscribe((e: PollEvent) => {
    if (e.type === 'poll:active') {
      io.to(staffRoom(e.slug)).emit('poll:active', { poll: e.poll, ...(e.results ? { results: e.results } : {}) });
      io.to(talkRoom(e.slug)).except(staffRoom(e.slug)).emit('poll:active', { poll: e.poll });
    } else {
      const rooms = e.poll.resultsHidden ? [staffRoom(e.slug)] : [staffRoom(e.slug), votersRoom(e.slug, e.runId, e.poll.id)];
      io.to(rooms).emit('poll:results', { poll: e.poll.id, results: e.results });
    }
  });

  return {
    io,
    /** Disconnects every client and stops broadcasting; also closes the HTTP server. */
    async close() {
      unsubscribeTalks();
      unsubscribePolls();
      audience.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
