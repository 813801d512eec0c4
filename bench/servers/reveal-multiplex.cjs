/*
 * Our re-creation of the reveal.js multiplex relay (reveal/multiplex `index.js`), for the
 * benchmark only. Same library line as it ships (socket.io 2, so Engine.IO v3 with its defaults:
 * polling + websocket, permessage-deflate on with a 1 KB threshold), same relay: a
 * `multiplex-statechanged` whose secret hashes (sha256) to its `socketId` is rebroadcast, secret
 * blanked, to every other socket under the event name `socketId`; anything else is dropped.
 *
 * Left out because they never touch the websocket path: the express static file server, the
 * `cors` middleware, and the `cors` option (which socket.io 2 ignores anyway). `GET /token`
 * is kept, on plain `http`.
 */
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const io = require('socket.io-v2');

const createHash = (secret) => crypto.createHash('sha256').update(secret).digest('hex');

/** Returns the http server with the relay attached; the caller listens. */
function createMultiplexServer() {
  const server = http.createServer((req, res) => {
    if (req.url === '/token') {
      const secret = crypto.randomBytes(16).toString('hex');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ secret, socketId: createHash(secret) }));
      return;
    }
    res.writeHead(404).end();
  });
  const socketsIO = io(server);
  socketsIO.on('connection', (socket) => {
    socket.on('multiplex-statechanged', (data) => {
      if (typeof data.secret == 'undefined' || data.secret == null || data.secret === '') return;
      if (createHash(data.secret) === data.socketId) {
        data.secret = null;
        socket.broadcast.emit(data.socketId, data);
      }
    });
  });
  return server;
}

module.exports = { createMultiplexServer, createHash };
