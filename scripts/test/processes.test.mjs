// startService: a taken port is refused before anything starts, a foreign answer on the port is
// not readiness, stop() frees the port, and a crash is reported.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { portIsFree, socketsOfGroups } from '../lib/ports.mjs';
import { startService } from '../lib/processes.mjs';

const listenOn = (port) =>
	new Promise((resolve) => {
		const server = createServer((_req, res) => res.end('foreign'));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
const freePort = async () => {
	const server = await listenOn(0);
	const { port } = server.address();
	await new Promise((r) => server.close(r));
	return port;
};
const nodeServer = (port, host) => ['-e', `require('node:http').createServer((q,s)=>s.end('ours')).listen(${port}${host ? `,'${host}'` : ''})`];

test('a port already in use is refused, and the server holding it is left alone', async () => {
	const port = await freePort();
	const foreign = await listenOn(port);
	await assert.rejects(
		startService({ name: 'probe', command: process.execPath, args: nodeServer(port, '127.0.0.1'), readyUrl: `http://127.0.0.1:${port}/`, timeoutMs: 5000 }),
		/port \d+ is already in use by another server/,
	);
	assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'foreign');
	await new Promise((r) => foreign.close(r));
});

test('a server that takes the port after the check is not mistaken for the child', async () => {
	const port = await freePort();
	// The child never listens; another server takes the port while it starts.
	const starting = startService({ name: 'probe', command: process.execPath, args: ['-e', 'setTimeout(() => {}, 30000)'], readyUrl: `http://127.0.0.1:${port}/`, timeoutMs: 5000 });
	// After startService's own check of the port has let it go.
	await new Promise((r) => setTimeout(r, 100));
	const foreign = await listenOn(port);
	const outcome = await starting.then(
		async (service) => {
			await service.stop();
			return 'taken for the child';
		},
		(error) => error.message,
	);
	assert.match(outcome, /another server answered on port \d+ before ours did/);
	assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'foreign');
	await new Promise((r) => foreign.close(r));
});

test('its own child is ready, and is seen holding its port on loopback', async () => {
	const port = await freePort();
	const service = await startService({ name: 'probe', command: process.execPath, args: nodeServer(port, '127.0.0.1'), readyUrl: `http://127.0.0.1:${port}/`, timeoutMs: 5000 });
	try {
		assert.deepEqual(socketsOfGroups([service.pid]).map((s) => [s.address, s.port]), [['127.0.0.1', port]]);
	} finally {
		await service.stop();
	}
});

test('the loopback preload keeps a listen() without a host off the other interfaces', async () => {
	const port = await freePort();
	const preload = new URL('../lib/loopback-only.mjs', import.meta.url).pathname;
	const service = await startService({ name: 'probe', command: process.execPath, args: ['--import', preload, ...nodeServer(port)], readyUrl: `http://127.0.0.1:${port}/`, timeoutMs: 5000 });
	try {
		assert.deepEqual(socketsOfGroups([service.pid]).map((s) => s.address), ['127.0.0.1']);
	} finally {
		await service.stop();
	}
});

test('stopping a service frees its port, even when the server runs in a grandchild', async () => {
	const port = await freePort();
	// A shell that forks node: stop() must reach the grandchild through the process group.
	const script = `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`;
	const service = await startService({
		name: 'grandchild',
		command: 'sh',
		args: ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}; true`],
		readyUrl: `http://127.0.0.1:${port}/`,
		timeoutMs: 10_000,
	});
	assert.equal(await portIsFree(port), false, 'the server should be listening before stop()');
	await service.stop();
	assert.equal(await portIsFree(port), true, 'the port should be free after stop()');
});

test('a service that exits before it is ready is reported, not waited on', async () => {
	await assert.rejects(
		startService({
			name: 'crasher',
			command: process.execPath,
			args: ['-e', 'process.exit(3)'],
			readyUrl: `http://127.0.0.1:${await freePort()}/`,
			timeoutMs: 10_000,
		}),
		/crasher exited before it was ready \(code 3/,
	);
});
