// Preloaded (NODE_OPTIONS=--require) into the CLI and every worker thread it starts:
// any attempt to reach the network is recorded and fails.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

const log = process.env.SOHOA_NETWORK_LOG;
function blocked(what) {
  return (...args) => {
    const target = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0] ?? '');
    if (log) fs.appendFileSync(log, `${what} ${String(target).slice(0, 200)}\n`);
    throw new Error(`network access blocked in test: ${what}`);
  };
}
net.Socket.prototype.connect = blocked('net.connect');
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.lookup');
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
globalThis.fetch = blocked('fetch');
