import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';

import { startService } from '../lib/processes.mjs';

async function portIsFree(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

test('stopping a service frees its port, even when the server runs in a grandchild', async () => {
	const port = 39123;
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
			readyUrl: 'http://127.0.0.1:39124/',
			timeoutMs: 10_000,
		}),
		/crasher exited before it was ready \(code 3/,
	);
});
