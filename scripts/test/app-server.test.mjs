import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { startAppServer } from '../lib/app-server.mjs';

// The mobile app's web server, over a stand-in build whose parent folder holds a file that must
// never be served.
const config = { endpoint: 'http://127.0.0.1:3001', appId: 'app', site: 'http://127.0.0.1:8888', resource: 'http://127.0.0.1:8888/wp-json' };
let server;
let url;

before(async () => {
	const root = mkdtempSync(join(tmpdir(), 'app-server-'));
	const dir = join(root, 'dist');
	mkdirSync(join(dir, 'assets'), { recursive: true });
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
	writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
	writeFileSync(join(root, 'secret.json'), '{"secret":true}');
	const port = await new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port: free } = probe.address();
			probe.close(() => resolve(free));
		});
	});
	server = await startAppServer({ port, dir, config });
	url = server.url;
});
after(() => server.stop());

test('the app, its routes and its config.json, each with the CSP that lets it talk to Logto and the site only', async () => {
	const page = await fetch(`${url}/callback?code=x`);
	assert.equal(page.status, 200);
	assert.match(await page.text(), /<title>app<\/title>/);
	assert.equal(page.headers.get('content-security-policy'), "default-src 'self'; connect-src 'self' http://127.0.0.1:3001 http://127.0.0.1:8888; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
	assert.deepEqual(await (await fetch(`${url}/config.json`)).json(), config);
	assert.equal((await fetch(`${url}/assets/app.js`)).headers.get('content-type'), 'text/javascript');
	assert.equal((await fetch(`${url}/assets/missing.js`)).status, 404);
});

test('nothing outside the build is served, and a malformed path is a 400', async () => {
	// URL parsing folds ../ segments; an encoded slash survives it and is decoded afterwards.
	const escaped = await fetch(`${url}/assets/..%2f..%2fsecret.json`);
	assert.equal(escaped.status, 404);
	assert.doesNotMatch(await escaped.text(), /secret/);
	assert.equal((await fetch(`${url}/%E0%A4%A`)).status, 400);
});
