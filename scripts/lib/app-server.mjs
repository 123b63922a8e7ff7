// The mobile app's web build (mobile/dist) on 127.0.0.1, with the config.json that points it at
// this stack. What a phone's WebView would load, served as a plain website for the browser tests
// and for trying the app with `npm start`.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.dir     the built app
 * @param {{ endpoint: string, appId: string, site: string, resource: string }} options.config
 */
export async function startAppServer({ port, dir, config }) {
	const origin = (url) => new URL(url).origin;
	// The app talks to Logto and the site only; nothing inline, nothing framed.
	const csp = `default-src 'self'; connect-src 'self' ${origin(config.endpoint)} ${origin(config.site)}; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
	const server = createServer(async (req, res) => {
		const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
		let path;
		try {
			path = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
		} catch {
			res.writeHead(400, headers).end();
			return;
		}
		if (path === '/config.json') {
			res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] }).end(JSON.stringify(config));
			return;
		}
		// Routes of the app itself (/, /callback) are its page; files only from inside dir.
		const file = extname(path) ? normalize(join(dir, path)) : join(dir, 'index.html');
		if (!file.startsWith(dir + sep)) {
			res.writeHead(404, headers).end();
			return;
		}
		try {
			const body = await readFile(file);
			res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
		} catch {
			res.writeHead(404, headers).end();
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		name: 'app',
		url: `http://127.0.0.1:${port}`,
		pid: process.pid,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
