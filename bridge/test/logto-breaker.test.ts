import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { test } from 'node:test';

import { freePort } from '@logto-bridge/testkit';

import { LogtoBreaker } from '../src/logto-breaker.js';

// A stand-in for Logto's discovery document (the real idp cannot be made slow or failing on
// demand): it answers with `status` after `delayMs`.
async function standInDiscovery(port: number, behaviour: { delayMs: number; status: number; resets?: number }) {
	const server: Server = createServer((req, res) => {
		// A connection reset (RST), as a kept-alive connection the server dropped can give.
		if (behaviour.resets) {
			behaviour.resets--;
			req.socket.resetAndDestroy();
			return;
		}
		setTimeout(() => {
			res.writeHead(behaviour.status, { 'content-type': 'application/json' });
			res.end('{}');
		}, behaviour.delayMs);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		behaviour,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

const fast = { probeMs: 150, timeoutMs: 10_000, threshold: 3, firstWaitMs: 3000, idleStopMs: 60_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a Logto that answers discovery after 4 s (stand-in) still gets every visitor in that window', async () => {
	const port = await freePort();
	const logto = await standInDiscovery(port, { delayMs: 4000, status: 200 });
	const breaker = new LogtoBreaker(fast);
	const url = `http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`;
	try {
		const started = Date.now();
		const visitors = await Promise.all(Array.from({ length: 20 }, () => breaker.isUp(url)));
		assert.deepEqual(visitors, Array(20).fill(true), 'no visitor refused while Logto is only slow');
		assert.ok(Date.now() - started < 3500, 'the first visitors wait 3 s at most, not for the slow answer');
		await sleep(4500);
		assert.equal(await breaker.isUp(url), true, 'still up once the slow answers came');
	} finally {
		breaker.close();
		await logto.stop();
	}
});

test('a Logto that refuses connections is reported at once, and the breaker closes when Logto is back', async () => {
	const port = await freePort();
	const breaker = new LogtoBreaker(fast);
	const url = `http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`;
	try {
		const started = Date.now();
		assert.equal(await breaker.isUp(url), false, 'nothing listens: down');
		assert.ok(Date.now() - started < 1000, `reported at once (${Date.now() - started} ms)`);
		const logto = await standInDiscovery(port, { delayMs: 0, status: 200 });
		try {
			await sleep(fast.probeMs * 3);
			assert.equal(await breaker.isUp(url), true, 'a probe found it back: closed again');
		} finally {
			await logto.stop();
		}
		await sleep(fast.probeMs * 3);
		assert.equal(await breaker.isUp(url), false, 'gone again: open, found by the probes and not by a visitor');
	} finally {
		breaker.close();
	}
});

test('error answers open the breaker only after three in a row', async () => {
	const port = await freePort();
	const logto = await standInDiscovery(port, { delayMs: 0, status: 503 });
	const breaker = new LogtoBreaker({ ...fast, probeMs: 400 });
	const url = `http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`;
	try {
		assert.equal(await breaker.isUp(url), true, 'one error answer: still up');
		await sleep(1000);
		assert.equal(await breaker.isUp(url), false, 'three in a row: down');
		logto.behaviour.status = 200;
		await sleep(600);
		assert.equal(await breaker.isUp(url), true, 'one good answer closes it');
	} finally {
		breaker.close();
		await logto.stop();
	}
});

test('one reset connection does not keep visitors away: the probe asks again at once on a new one', async () => {
	const port = await freePort();
	const logto = await standInDiscovery(port, { delayMs: 0, status: 200, resets: 1 });
	const breaker = new LogtoBreaker({ ...fast, probeMs: 60_000 });
	const url = `http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`;
	try {
		assert.equal(await breaker.isUp(url), true, 'a single reset, then an answer: up');
		assert.equal(logto.behaviour.resets, 0, 'the stand-in did reset the first probe');
		logto.behaviour.resets = 2;
		const again = new LogtoBreaker({ ...fast, probeMs: 60_000 });
		try {
			assert.equal(await again.isUp(url), false, 'reset twice in a row: down at once, as a refused connection');
		} finally {
			again.close();
		}
	} finally {
		breaker.close();
		await logto.stop();
	}
});
