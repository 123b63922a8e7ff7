// Starts child servers in their own process group, waits until they answer, and stops
// them (and every grandchild) on demand, so Ctrl-C never leaves a port taken. A service is
// only started on a free port, and is ready only when its own process group holds that port:
// another server's answer is never taken for it.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';

import { portIsFree, socketsOfGroups } from './ports.mjs';

const children = new Set();

/**
 * @param {object} options
 * @param {string} options.name          label for messages
 * @param {string} options.command       executable
 * @param {string[]} options.args        arguments
 * @param {Record<string,string>} [options.env]
 * @param {string} [options.cwd]
 * @param {string} [options.logFile]     where stdout+stderr go (also echoed when options.echo)
 * @param {boolean} [options.echo]       also print the output with a prefix
 * @param {string} options.readyUrl      polled until it answers with any HTTP status below 500 (tcp://host:port:
 *                                       until it accepts a connection); its port
 *                                       must be free before, and held by this child's process group after
 * @param {number} [options.timeoutMs]
 */
export async function startService(options) {
	const { name, command, args, env = {}, cwd, logFile, echo = false, readyUrl, timeoutMs = 120_000 } = options;
	const port = Number(new URL(readyUrl).port || (readyUrl.startsWith('https:') ? 443 : 80));
	if (!(await portIsFree(port))) {
		throw new Error(`${name}: port ${port} is already in use by another server; stop it or choose another port (see docs/dev-stack.md, "Commands and ports")`);
	}
	const child = spawn(command, args, {
		cwd,
		env: { ...process.env, ...env },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log;
	if (logFile) {
		mkdirSync(dirname(logFile), { recursive: true });
		log = createWriteStream(logFile, { flags: 'a' });
	}
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk) => {
			log?.write(chunk);
			if (echo) {
				for (const line of chunk.toString().split('\n')) {
					if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
				}
			}
		});
	}
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			children.delete(service);
			log?.end();
			resolve(exited);
		});
	});
	const service = {
		name,
		pid: child.pid,
		logFile,
		exited: exitPromise,
		async stop() {
			killGroup(child.pid, 'SIGTERM');
			// The leader may exit before its children do: wait for the whole group, so the
			// ports are free when stop() resolves.
			if (!(await groupGone(child.pid, 5000))) {
				killGroup(child.pid, 'SIGKILL');
				await groupGone(child.pid, 5000);
			}
			await exitPromise;
		},
		// Fault tests: a crash (SIGKILL, no shutdown of its own), and a start again as it was first
		// started (with `extraEnv` on top), after which the handle it is called on (or a copy of it)
		// stands for the new process.
		async crash() {
			killGroup(this.pid, 'SIGKILL');
			await groupGone(this.pid, 5000);
			await this.exited;
		},
		async startAgain(extraEnv = {}) {
			const again = await startService({ ...options, env: { ...options.env, ...extraEnv } });
			Object.assign(this, { pid: again.pid, exited: again.exited, stop: again.stop });
		},
	};
	children.add(service);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited) {
			throw new Error(`${name} exited before it was ready (code ${exited.code}, signal ${exited.signal}); see ${logFile ?? 'its output'}`);
		}
		if (await answers(readyUrl)) {
			if (socketsOfGroups([child.pid]).some((socket) => socket.port === port)) return service;
			await service.stop();
			throw new Error(`${name}: another server answered on port ${port} before ours did; nothing of it was used`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	await service.stop();
	throw new Error(`${name} did not answer on ${readyUrl} within ${timeoutMs / 1000} s; see ${logFile ?? 'its output'}`);
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

async function groupGone(pid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			process.kill(-pid, 0);
		} catch {
			return true;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	return false;
}

async function answers(url) {
	// Servers that speak no HTTP (MariaDB, Redis, php-fpm): ready when they accept a connection.
	if (url.startsWith('tcp:')) {
		const { hostname, port } = new URL(url);
		return new Promise((resolve) => {
			const socket = connect({ host: hostname, port: Number(port) });
			socket.setTimeout(2000);
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => {
				socket.destroy();
				resolve(false);
			});
		});
	}
	try {
		const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
		await res.arrayBuffer();
		return res.status < 500;
	} catch {
		return false;
	}
}

/** Stops every service started by this process, newest first. */
export async function stopAll() {
	for (const service of [...children].reverse()) {
		await service.stop();
	}
}

/** Stops everything on SIGINT / SIGTERM and exits. */
export function stopOnSignals() {
	let stopping = false;
	const handler = async (signal) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping services...\n`);
		await stopAll();
		process.exit(0);
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
}
