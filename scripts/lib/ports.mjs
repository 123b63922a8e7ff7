// Ports: every one a script uses can be set by env, a server is only started on a free port,
// and "who listens where" is read from /proc, so a script never takes another server's
// answer for its own child's (Linux only, like the rest of these scripts).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/** `process.env[name]` as a TCP port, else `fallback`; exits with a clear message when it is not one. */
export function envPort(name, fallback) {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value < 1 || value > 65535) {
		throw new Error(`${name} must be a TCP port (1-65535), got "${process.env[name]}"`);
	}
	return value;
}

/** Whether nothing listens on `port` (on any address: binding 127.0.0.1 fails when *:port is taken). */
export function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/** IPv4 or IPv6 address of /proc/net/tcp{,6}'s hex notation. */
function decodeAddress(hex) {
	if (hex.length === 8) return hex.match(/../g).reverse().map((b) => parseInt(b, 16)).join('.');
	// Four 32-bit words, each in host (little-endian) order.
	const bytes = hex.match(/.{8}/g).flatMap((word) => word.match(/../g).reverse());
	const groups = [];
	for (let i = 0; i < 16; i += 2) groups.push(parseInt(bytes[i] + bytes[i + 1], 16).toString(16));
	const full = groups.join(':');
	if (full.startsWith('0:0:0:0:0:ffff:')) {
		return bytes.slice(12).map((b) => parseInt(b, 16)).join('.');
	}
	return full === '0:0:0:0:0:0:0:1' ? '::1' : full === '0:0:0:0:0:0:0:0' ? '::' : full;
}

/** Every listening TCP socket on this machine: address, port and socket inode. */
function listeningSockets() {
	const sockets = [];
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.trim().split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			if (cols[3] !== '0A') continue; // LISTEN
			const [addr, port] = cols[1].split(':');
			sockets.push({ address: decodeAddress(addr), port: parseInt(port, 16), inode: cols[9] });
		}
	}
	return sockets;
}

/** The process group of a pid, or null when it is gone. */
function processGroup(pid) {
	try {
		// pid (comm) state ppid pgrp ...; comm may hold spaces, so split after its ')'.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
	} catch {
		return null;
	}
}

/**
 * The listening sockets held by the processes of these process groups (each service runs in
 * a group led by the pid startService returns).
 *
 * @param {number[]} groups
 * @returns {{ address: string, port: number, pid: number }[]}
 */
export function socketsOfGroups(groups) {
	const byInode = new Map(listeningSockets().map((s) => [s.inode, s]));
	const found = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || !groups.includes(processGroup(Number(entry)))) continue;
		let fds = [];
		try {
			fds = readdirSync(`/proc/${entry}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			let target = '';
			try {
				target = readlinkSync(`/proc/${entry}/fd/${fd}`);
			} catch {
				continue;
			}
			const socket = byInode.get(/^socket:\[(\d+)\]$/.exec(target)?.[1]);
			if (socket) found.push({ address: socket.address, port: socket.port, pid: Number(entry) });
		}
	}
	return found;
}

/** Whether an address is loopback (127.0.0.0/8 or ::1). */
export const isLoopback = (address) => address === '::1' || /^127\./.test(address);

/**
 * Every port of a stack, each from env (`<prefix>WP_PORT`, `<prefix>BRIDGE_PORT`, `<prefix>IDP_PORT`, `<prefix>APP_PORT`,
 * and for the native runtime `<prefix>BRIDGE_1_PORT`, `<prefix>BRIDGE_2_PORT`, `<prefix>PHP_FPM_PORT`,
 * `<prefix>MARIADB_PORT`, `<prefix>REDIS_PORT`), else derived from the three defaults.
 */
export function stackPorts(prefix, { wordpress, bridge, idp }) {
	const wp = envPort(`${prefix}WP_PORT`, wordpress);
	const br = envPort(`${prefix}BRIDGE_PORT`, bridge);
	const id = envPort(`${prefix}IDP_PORT`, idp);
	return {
		wordpress: wp,
		bridge: br,
		idp: id,
		// The mobile app's web build, next to the idp it was given (not the default's neighbour).
		app: envPort(`${prefix}APP_PORT`, id + 1),
		bridgeInstances: [envPort(`${prefix}BRIDGE_1_PORT`, br + 10), envPort(`${prefix}BRIDGE_2_PORT`, br + 11)],
		php: envPort(`${prefix}PHP_FPM_PORT`, wp + 1000),
		db: envPort(`${prefix}MARIADB_PORT`, wp + 1100),
		redis: envPort(`${prefix}REDIS_PORT`, wp + 1200),
	};
}
