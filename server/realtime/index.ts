import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { PROTOCOL_VERSION, Role, type TalkState } from '../../contract/events.js';
import { NoPayloadSchema } from '../../contract/schemas.js';
import type { PeerBus } from '../live/peers.js';
import { createAnswerSources } from '../live/answer-sources.js';
import type { VoterIds } from '../auth/voter-ids.js';
import type { Polls } from '../live/polls/index.js';
import type { Qa } from '../live/qa.js';
import type { Quiz } from '../live/quiz/index.js';
import type { createReactions } from '../live/reactions.js';
import { slideData } from '../domain/reveal.js';
import { runInfo, talkInfo, type TalkEvent, type Talks } from '../live/talks.js';
import { command, createDispatcher, type CommandContext } from './ack.js';
import { createAudienceCounter } from './audience-count.js';
import { authenticate } from './auth.js';
import { clientAddress, type KeyBook, type KeyLockout, type Sessions } from '../auth/index.js';
import { isKeyed } from '../domain/roles.js';
import { sessionTokenOf } from './auth.js';
import { disconnectRevoked, sessionCommands } from './sessions.js';
import { createBuckets, createRateLimits, DEFAULT_LIMITS } from './rate-limit.js';
import { broadcastPolls } from './poll-broadcast.js';
import { broadcastQuestions } from './qa-broadcast.js';
import { pollCommands } from './polls.js';
import { presenterCommands } from './presenter.js';
import { qaCommands } from './qa.js';
import { broadcastStandings, quizCommands } from './quiz.js';
import { presenterRoom, staffRoom, talkRoom, votersRoom } from './rooms.js';
import type { LecternServer, LecternSocket } from './types.js';

export interface RealtimeDeps {
  talks: Talks;
  polls: Polls;
  qa: Qa;
  /** Quiz reveals, nicknames and standings (absent: the talks have no quiz commands). */
  quiz?: Quiz;
  reactions: ReturnType<typeof createReactions>;
  /** The talks' keys, the presenter/moderator sessions and the wrong-key lockout (server/auth). */
  keys: KeyBook;
  sessions: Sessions;
  lockout: KeyLockout;
  log: Logger;
  /** Messages to and from the other processes (see peer-bus.ts). */
  peers: PeerBus;
  /** Several processes share the talks (a cluster adapter is set). */
  clustered: boolean;
  /** This process's name among its peers. */
  serverId: string;
  /** Take the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy?: boolean;
  limits?: Parameters<typeof createRateLimits>[0];
  /** Reads the phones' voter ids from their cookie; reports bursts of new ones. */
  voterIds: VoterIds;
  observe?: CommandContext['observe'];
}

/**
 * Attaches the socket.io server (see socket-server.ts) to the HTTP server that Hono serves on, one
 * port for both, and wires connections, commands and broadcasts.
 */
export function createRealtime(io: LecternServer, httpServer: HttpServer, deps: RealtimeDeps) {
  const { talks, polls, qa, reactions, log, peers } = deps;
  io.attach(httpServer);

  const audience = createAudienceCounter({
    emitTotal: (slug, count) => io.local.to(staffRoom(slug)).emit('audience', { count }),
    ...(deps.clustered ? { publish: (counts: Record<string, number>) => peers.publish({ type: 'audience', server: deps.serverId, counts }) } : {}),
  });
  const unsubscribePeers = peers.subscribe((message) => {
    if (message.type === 'audience') audience.fromPeer(message.server, message.counts);
  });

  // signed-out devices are disconnected here, wherever they were signed out
  const stopRevoked = disconnectRevoked(io, deps.sessions, peers);
  // presenter and moderator sockets: a budget of their own, never the audience's per-address one
  const keyedBudget = createBuckets({ rate: 30, burst: 60 });

  // "N devices answered from M addresses", and bursts of new devices: for the presenter only
  const answerSources = createAnswerSources({ emit: (slug, sources) => io.to(presenterRoom(slug)).emit('voters:counted', sources) });
  const unsubscribeBursts = deps.voterIds.onBurst(({ slug, ...burst }) => {
    log.warn({ talk: slug, ...burst }, 'burst of new voter ids from one address');
    io.to(presenterRoom(slug)).emit('voters:burst', burst);
  });

  /** The full state for one socket; joins the voter room when the phone already answered. */
  async function stateFor(socket: LecternSocket): Promise<TalkState> {
    const { talk: slug, role, voter } = socket.data;
    const staff = isKeyed(role);
    const [{ runId, ...active }, questions, reactionTotals, quizStanding] = await Promise.all([
      polls.active(slug, { role, voter }),
      qa.snapshot(slug, { staff, voter }).catch(() => ({ questions: [], upvoted: [] })),
      role !== Role.audience ? reactions.totals(slug).catch(() => undefined) : undefined,
      // the quiz is extra: a database hiccup leaves it out of this state, the next standing brings it
      deps.quiz?.stateFor(slug, role === Role.audience ? voter : undefined).catch(() => undefined),
    ]);
    if (active.poll && active.myAnswer !== undefined) void socket.join(votersRoom(slug, runId, active.poll.id));
    const talk = talks.require(slug);
    return {
      protocol: PROTOCOL_VERSION,
      role,
      talk: talkInfo(talk.deck),
      run: runInfo(talk.run),
      slide: talk.run.currentSlide,
      step: talk.run.currentStep,
      audience: audience.total(slug),
      active,
      qa: { mode: qa.mode(slug), ...questions },
      ...(reactionTotals ? { reactions: reactionTotals } : {}),
      ...(quizStanding ? { quiz: quizStanding } : {}),
      ...(staff && sessionTokenOf(socket) ? { session: sessionTokenOf(socket) } : {}),
      ...(staff ? { moderatorsDrive: socket.data.moderatorsDrive ?? false } : {}),
      at: Date.now(),
    };
  }

  const limits = createRateLimits(deps.limits ?? DEFAULT_LIMITS);
  const ctx: CommandContext = {
    log,
    allowKeyed: (socket) => keyedBudget.take(socket.id),
    ...(deps.observe ? { observe: deps.observe } : {}),
    // keyed by voter id where there is one: a reconnect (a new socket) keeps its budget
    allow: (kind, socket) =>
      limits.check(kind, { socket: socket.id, ip: clientAddress(socket.handshake, deps.trustProxy), ...(socket.data.voter ? { voter: socket.data.voter } : {}) }),
  };

  // Built once: every socket shares these two listeners (per-socket closures cost heap per phone).
  const dispatch = createDispatcher(ctx, [
    ...presenterCommands(talks),
    ...pollCommands(polls, {
      answered: (socket, runId, poll) => answerSources.answered(socket.data.talk, runId, poll, socket.data.voter ?? '', clientAddress(socket.handshake, deps.trustProxy)),
    }),
    ...qaCommands(qa, reactions),
    ...(deps.quiz ? quizCommands(deps.quiz) : []),
    ['state:get', command(NoPayloadSchema, 'control', (_, socket) => stateFor(socket))],
    ...sessionCommands(io, deps.sessions),
  ]);
  function onDisconnect(this: LecternSocket, reason: string) {
    const { talk: slug, role } = this.data;
    limits.forgetSocket(this.id);
    keyedBudget.forget(this.id);
    if (this.data.session !== undefined) deps.sessions.release(this.data.session);
    if (role === Role.audience) audience.add(slug, -1);
    log.debug({ talk: slug, role, reason }, 'socket disconnected');
  }

  io.use(authenticate(deps));
  io.on('connection', (socket) => {
    const { talk: slug, role } = socket.data;
    log.debug({ talk: slug, role, recovered: socket.recovered }, 'socket connected');
    socket.on('disconnect', onDisconnect);
    if (socket.data.session !== undefined) deps.sessions.hold(socket.data.session);
    socket.onAny(dispatch);
    if (!socket.recovered) {
      const rooms = { audience: [talkRoom(slug)], screen: [talkRoom(slug), staffRoom(slug)], presenter: [talkRoom(slug), staffRoom(slug), presenterRoom(slug)], moderator: [talkRoom(slug), staffRoom(slug), presenterRoom(slug)] };
      void socket.join(rooms[role]);
    }
    if (role === Role.audience) audience.add(slug, 1);
    stateFor(socket).then(
      (state) => {
        socket.emit('state', state);
        const sources = role === Role.presenter ? answerSources.current(slug) : undefined;
        if (sources) socket.emit('voters:counted', sources);
      },
      (err) => {
        log.error({ err }, 'could not read state for a new socket');
        socket.disconnect(true);
      },
    );
  });

  /** A move that shows a slide for the first time carries its content, so phones need no fetch. */
  const withFirstShown = (e: Extract<TalkEvent, { type: 'slide:changed' }>) => {
    const talk = talks.get(e.slug);
    const slide = e.firstShown ? talk?.deck.slides[e.change.index] : undefined;
    return slide ? { ...e.change, slide: slideData(slide, { upTo: e.change.step ?? 0 }) } : e.change;
  };

  const unsubscribeTalks = talks.subscribe((e: TalkEvent) => {
    const room = io.to(talkRoom(e.slug));
    if (e.type === 'slide:changed') room.emit('slide:changed', withFirstShown(e));
    else if (e.type === 'deck:updated') io.local.to(talkRoom(e.slug)).emit('deck:updated', { talk: e.talk, slide: e.slide, step: e.step });
    else if (e.type === 'run:ended') room.emit('run:ended', { run: e.run });
    else room.emit('run:started', { run: e.run, slide: e.slide });
  });

  const unsubscribePolls = broadcastPolls(io, polls);
  const unsubscribeQuiz = deps.quiz ? broadcastStandings(io, deps.quiz) : () => undefined;

  const unsubscribeQa = broadcastQuestions(io, qa);
  const unsubscribeReactions = reactions.subscribe(({ slug, slide, counts }) => io.to(staffRoom(slug)).emit('reactions', { slide, counts }));

  return {
    io,
    /** Tells this process's clients the current slide again (after a resync found it had moved). */
    resendSlide(slug: string) {
      const talk = talks.get(slug);
      // a peer moved it while this process did not hear: its clients may not have the content yet
      const slide = talk?.deck.slides[talk.run.currentSlide];
      if (talk) {
        const { currentSlide: index, currentStep: step } = talk.run;
        io.local.to(talkRoom(slug)).emit('slide:changed', { index, step, at: Date.now(), ...(slide ? { slide: slideData(slide, { upTo: talks.shownSoFar(slug).step(index) }) } : {}) });
      }
    },
    /** How many sockets this process holds, per talk. */
    socketsPerTalk: () => talks.list().map(({ deck }) => ({ slug: deck.slug, count: io.of('/').adapter.rooms.get(talkRoom(deck.slug))?.size ?? 0 })),
    /**
     * Closes every client's transport without "server disconnect", so socket.io-client reconnects
     * by itself (with backoff and jitter) — to another process behind the load balancer.
     */
    dropConnectionsForRestart() {
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
    },
    /** Stops broadcasting (the composition root closes the socket.io server, and with it the HTTP server). */
    async close() {
      unsubscribeTalks();
      unsubscribePolls();
      unsubscribeQuiz();
      unsubscribeQa();
      unsubscribeReactions();
      unsubscribePeers();
      unsubscribeBursts();
      answerSources.close();
      audience.close();
      limits.close();
      keyedBudget.close();
      stopRevoked();
    },
  };
}
