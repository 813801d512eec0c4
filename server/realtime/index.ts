import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION, Role, type TalkState } from '../contract/events.js';
import { NoPayloadSchema } from '../contract/schemas.js';
import { runInfo, talkInfo, type TalkEvent, type Talks } from '../live/talks.js';
import { command } from './ack.js';
import { createAudienceCounter } from './audience-count.js';
import { authenticate } from './auth.js';
import { registerPresenterHandlers } from './presenter.js';
import { staffRoom, talkRoom } from './rooms.js';
import type { LecternServer, LecternSocket } from './types.js';

export interface RealtimeDeps {
  talks: Talks;
  presenterKey: string;
  log: Logger;
}

/** Attaches the typed socket.io server to the HTTP server that Hono serves on: one port for both. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
  const { talks, log } = deps;
  const io: LecternServer = new Server(httpServer, {
    // Websocket only: no long-polling means no sticky sessions when several processes serve a talk.
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
  });
  const audience = createAudienceCounter((slug, count) => io.to(staffRoom(slug)).emit('audience', { count }));

  const stateFor = (socket: LecternSocket): TalkState => {
    const talk = talks.require(socket.data.talk);
    return {
      protocol: PROTOCOL_VERSION,
      role: socket.data.role,
      talk: talkInfo(talk.deck),
      run: runInfo(talk.run),
      slide: talk.run.currentSlide,
      audience: audience.count(socket.data.talk),
      at: Date.now(),
    };
  };

  io.use(authenticate(deps));
  io.on('connection', (socket) => {
    const { talk: slug, role } = socket.data;
    void socket.join(role === Role.audience ? talkRoom(slug) : [talkRoom(slug), staffRoom(slug)]);
    if (role === Role.audience) {
      audience.add(slug, 1);
      socket.on('disconnect', () => audience.add(slug, -1));
    }
    registerPresenterHandlers(socket, { talks, log });
    socket.on('state:get', command(NoPayloadSchema, () => stateFor(socket), log));
    socket.emit('state', stateFor(socket));
  });

  const unsubscribe = talks.subscribe((e: TalkEvent) => {
    const room = io.to(talkRoom(e.slug));
    if (e.type === 'slide:changed') room.emit('slide:changed', e.change);
    else if (e.type === 'deck:updated') room.emit('deck:updated', { talk: e.talk, slide: e.slide });
    else room.emit('run:started', { run: e.run, slide: e.slide });
  });

  return {
    io,
    /** Disconnects every client and stops broadcasting; the HTTP server is closed by its owner. */
    async close() {
      unsubscribe();
      audience.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
