// redis-server (Debian's package), run by us on 127.0.0.1 with nothing saved to disk.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startService } from '../processes.mjs';
import { needs } from './system-user.mjs';

export async function startRedis({ port, dir, logDir }) {
	needs('redis-server', 'redis-server');
	mkdirSync(dir, { recursive: true });
	const service = await startService({
		name: 'redis',
		command: 'redis-server',
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'],
		logFile: join(logDir, 'redis.log'),
		readyUrl: `tcp://127.0.0.1:${port}`,
		timeoutMs: 30_000,
	});
	return { ...service, url: `redis://127.0.0.1:${port}` };
}
