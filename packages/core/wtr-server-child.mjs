// The server process behind wtr-faults.mjs: a real @mediabay/server-kit on 127.0.0.1 at a given
// port (0: any), data directory and base path; prints "listening <port>" once it takes requests.
import http from 'node:http';

const [port, dataDir, basePath] = process.argv.slice(2);
const { createMediaServer } = await import('../server-kit/dist/index.js');
// the fault proxy makes the 429s under test; the server's own limit stays out of the way
const media = createMediaServer({
  dataDir,
  basePath,
  limits: { rateLimit: { max: 1_000_000, windowMs: 60_000 } },
});
await media.ready();
const server = http.createServer((req, res) => media.handler(req, res));
media.attach(server);
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
