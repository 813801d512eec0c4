/**
 * A minimal Socket.IO client over `ws`, light enough that thousands of them in one load process
 * cost less than the server they measure. It speaks what the servers under test need:
 *
 * - Engine.IO v4 + Socket.IO v5 (socket.io 3/4): the server pings, the client answers `3`; the
 *   client must send a CONNECT (`40` + auth JSON) and waits for `40{"sid":…}`.
 * - Engine.IO v3 + Socket.IO v4 (socket.io 2): the client pings every `pingInterval`; the server
 *   connects the default namespace by itself (`40`).
 * - `bare`: no Engine.IO at all, for the plain `ws` broadcast floor; every frame is a message.
 *
 * Websocket transport only, text frames only (none of the benchmarked events carry binary).
 * Like a browser, it offers permessage-deflate; servers that have it off simply decline.
 */
import WebSocket from 'ws';

export type Protocol = 'eio4' | 'eio3' | 'bare';

export interface ClientOptions {
  /** `http://127.0.0.1:port` */
  url: string;
  protocol: Protocol;
  /** Socket.IO v5 CONNECT payload (`io(url, { auth })`). Ignored for eio3 and bare. */
  auth?: Record<string, unknown>;
  /** Extra query parameters (bare: `presenter=1`). */
  query?: Record<string, string>;
  /** Source address, to spread sockets over 127.x addresses past the ephemeral-port range. */
  localAddress?: string;
  /** Gives up on a handshake after this long. */
  timeoutMs?: number;
  /** Headers on the websocket upgrade (Lectern's voter cookie). */
  headers?: Record<string, string>;
  /** Resolve only once this event has arrived too (Lectern's `state`: a join is done when the phone can render). */
  until?: string;
}

/** Called with the receive time (process.hrtime.bigint() as a number, ns) taken before any parsing. */
export type EventHandler = (name: string, arg: unknown, receivedAt: number) => void;

/** A connected socket. `onEvent` sees every server event; `closed` fires once the connection ends. */
export interface MiniSocket {
  emit(name: string, arg?: unknown): void;
  emitWithAck(name: string, arg?: unknown): Promise<unknown>;
  /** Sends a raw text frame (bare protocol). */
  sendRaw(text: string): void;
  onEvent: EventHandler | null;
  onClose: ((reason: string) => void) | null;
  readonly isOpen: boolean;
  close(): void;
}

const now = () => Number(process.hrtime.bigint());

/** Connects and resolves once the namespace (or, for bare, the websocket) is open. */
export function connect(opts: ClientOptions): Promise<MiniSocket> {
  const base = new URL(opts.url);
  const ws_url = new URL(opts.protocol === 'bare' ? '/' : '/socket.io/', base);
  ws_url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  if (opts.protocol !== 'bare') {
    ws_url.searchParams.set('EIO', opts.protocol === 'eio4' ? '4' : '3');
    ws_url.searchParams.set('transport', 'websocket');
  }
  for (const [k, v] of Object.entries(opts.query ?? {})) ws_url.searchParams.set(k, v);

  return new Promise<MiniSocket>((resolve, reject) => {
    const ws = new WebSocket(ws_url, { perMessageDeflate: true, localAddress: opts.localAddress, handshakeTimeout: opts.timeoutMs ?? 20_000, ...(opts.headers ? { headers: opts.headers } : {}) });
    let ackId = 0;
    const acks = new Map<number, (value: unknown) => void>();
    let pingTimer: NodeJS.Timeout | undefined;
    let settled = false;
    let open = false;
    const timeout = setTimeout(() => fail(new Error('handshake timed out')), opts.timeoutMs ?? 20_000);

    const socket: MiniSocket = {
      onEvent: null,
      onClose: null,
      get isOpen() {
        return open;
      },
      emit(name, arg) {
        ws.send(arg === undefined ? `42${JSON.stringify([name])}` : `42${JSON.stringify([name, arg])}`);
      },
      emitWithAck(name, arg) {
        const id = ackId++;
        return new Promise((res) => {
          acks.set(id, res);
          ws.send(`42${id}${JSON.stringify(arg === undefined ? [name] : [name, arg])}`);
        });
      },
      sendRaw(text) {
        ws.send(text);
      },
      close() {
        clearInterval(pingTimer);
        ws.terminate();
      },
    };

    function ready() {
      if (settled) return;
      settled = true;
      open = true;
      clearTimeout(timeout);
      resolve(socket);
    }
    function fail(err: Error) {
      clearTimeout(timeout);
      if (!settled) {
        settled = true;
        ws.terminate();
        reject(err);
      }
    }

    ws.on('open', () => {
      if (opts.protocol === 'bare') ready();
    });
    ws.on('error', (err) => fail(err));
    ws.on('close', (code, reason) => {
      clearInterval(pingTimer);
      clearTimeout(timeout);
      const wasOpen = open;
      open = false;
      if (!settled) fail(new Error(`closed during handshake (${code} ${reason.toString()})`));
      else if (wasOpen) socket.onClose?.(`ws close ${code}`);
    });
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      const at = now();
      if (isBinary) return;
      const text = data.toString();
      if (opts.protocol === 'bare') {
        if (text.startsWith('42')) {
          const [name, arg] = JSON.parse(text.slice(2)) as [string, unknown];
          socket.onEvent?.(name, arg, at);
        }
        return;
      }
      switch (text.charCodeAt(0)) {
        case 48: {
          // '0' open: the Engine.IO handshake
          const hs = JSON.parse(text.slice(1)) as { pingInterval: number };
          if (opts.protocol === 'eio4') ws.send(opts.auth ? `40${JSON.stringify(opts.auth)}` : '40');
          else pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('2'), hs.pingInterval).unref();
          return;
        }
        case 50: // '2' ping (EIO4: the server's heartbeat)
          ws.send('3');
          return;
        case 49: // '1' close
          ws.terminate();
          return;
        case 52: // '4' message: a Socket.IO packet
          onPacket(text, at);
          return;
        default: // '3' pong (EIO3), '6' noop
          return;
      }
    });

    function onPacket(text: string, at: number) {
      const type = text.charCodeAt(1);
      if (type === 50) {
        // '2' EVENT, optionally with an ack id: 42[...] or 4213[...]
        const start = text.indexOf('[', 2);
        const [name, arg] = JSON.parse(text.slice(start)) as [string, unknown];
        if (!settled && name === opts.until) ready();
        socket.onEvent?.(name, arg, at);
      } else if (type === 51) {
        // '3' ACK: 43<id>[...]
        const start = text.indexOf('[', 2);
        const id = Number(text.slice(2, start));
        const res = acks.get(id);
        if (res) {
          acks.delete(id);
          res((JSON.parse(text.slice(start)) as unknown[])[0]);
        }
      } else if (type === 48) {
        if (!opts.until) ready(); // '0' CONNECT granted
      } else if (type === 52) {
        // '4' CONNECT_ERROR
        fail(new Error(`connect_error ${text.slice(2)}`));
      } else if (type === 49) {
        ws.terminate(); // '1' DISCONNECT from the server
      }
    }
  });
}
