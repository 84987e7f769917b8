// A tiny static server for dev.html and the smoke test: / is this package (dev.html), /designer/
// the built bundle in the host's wwwroot, /fixtures/ the test models.
//   node test/server.mjs [port]     (npm run dev)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MOUNTS = [
  [ '/designer/', path.resolve(root, '../CoBan.Workflow/wwwroot/designer') ],
  [ '/fixtures/', path.join(root, 'test/fixtures') ],
  [ '/', root ]
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.bpmn': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject', '.txt': 'text/plain; charset=utf-8'
};

function resolveFile(urlPath) {
  const [ prefix, dir ] = MOUNTS.find(([ p ]) => urlPath.startsWith(p));
  const file = path.resolve(dir, '.' + path.sep + decodeURIComponent(urlPath.slice(prefix.length)));
  // refuse anything outside the mounted folder (../ tricks)
  return file.startsWith(dir) ? file : null;
}

export function startServer(port = 0) {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = resolveFile(urlPath === '/' ? '/dev.html' : urlPath);

    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }

    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });

  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2]) || 5178);
  console.log(`designer dev page: http://127.0.0.1:${server.address().port}/dev.html`);
}
