import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { KeyValueStore } from './types.js';

/** `line` is the entry's log line, kept as written: compaction joins lines instead of serialising every entry again. */
type Entry = { line: string; exp: number; g?: string };
type Op = { k: string; v?: string; exp?: number; g?: string };

/** How often expired entries are swept out of memory (and, at the next compaction, the file). */
const SWEEP_MS = 30_000;

/**
 * The embedded default: entries in memory, every change appended to a log file that is
 * replayed at start (so sessions and tickets survive a restart) and compacted when it has
 * grown to twice the live data. Expired entries are swept as it goes; groups (pending
 * sign-ins) are capped; rate-limit counters stay in memory. The log is read back line by line,
 * skipping what has expired, so a large file loads in bounded memory. Single process; use Redis
 * for several bridge instances.
 */
export class FileStore implements KeyValueStore {
	readonly kind = 'file';
	private readonly entries = new Map<string, Entry>();
	/** Members of each capped group, oldest first. */
	private readonly groups = new Map<string, Set<string>>();
	private readonly counters = new Map<string, { count: number; resetAt: number }>();
	private logLines = 0;
	/** Log lines not yet on disk: written together once per event-loop turn, not once per change. */
	private pending: string[] = [];
	private flushScheduled = false;
	private nextSweep = Date.now() + SWEEP_MS;

	constructor(private readonly file: string) {
		mkdirSync(dirname(file), { recursive: true });
		if (existsSync(file)) this.load();
		this.compact();
	}

	/** Replays the log in 1 MB chunks; a torn last line after a crash is skipped, everything before it is intact. */
	private load(): void {
		const now = Date.now();
		const fd = openSync(this.file, 'r');
		const chunk = Buffer.allocUnsafe(1 << 20);
		let rest = '';
		try {
			for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
				const lines = (rest + chunk.toString('utf8', 0, read)).split('\n');
				rest = lines.pop() ?? '';
				for (const line of lines) this.replay(line, now);
			}
			this.replay(rest, now);
		} finally {
			closeSync(fd);
		}
	}

	private replay(line: string, now: number): void {
		if (!line) return;
		let op: Op;
		try {
			op = JSON.parse(line) as Op;
		} catch {
			return;
		}
		if (op.v === undefined || (op.exp ?? 0) <= now) this.remove(op.k);
		// Serialised again, not `line` itself: that is a slice that would keep its whole 1 MB chunk alive.
		else this.put(op.k, { line: JSON.stringify(op), exp: op.exp ?? 0, ...(op.g ? { g: op.g } : {}) });
	}

	private put(key: string, entry: Entry): void {
		this.remove(key);
		this.entries.set(key, entry);
		if (entry.g) {
			let members = this.groups.get(entry.g);
			if (!members) this.groups.set(entry.g, (members = new Set()));
			members.add(key);
		}
	}

	private remove(key: string): boolean {
		const entry = this.entries.get(key);
		if (!entry) return false;
		this.entries.delete(key);
		if (entry.g) this.groups.get(entry.g)?.delete(key);
		return true;
	}

	private live(key: string): Entry | undefined {
		const entry = this.entries.get(key);
		if (entry && entry.exp <= Date.now()) {
			this.remove(key);
			return undefined;
		}
		return entry;
	}

	/** Queues `op` for the log and returns its line. */
	private append(op: Op): string {
		const line = JSON.stringify(op);
		this.pending.push(`${line}\n`);
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			setImmediate(() => this.flush());
		}
		return line;
	}

	private flush(): void {
		this.flushScheduled = false;
		if (Date.now() >= this.nextSweep) this.sweep();
		if (!this.pending.length) return;
		appendFileSync(this.file, this.pending.join(''), { mode: 0o600 });
		this.logLines += this.pending.length;
		this.pending = [];
		if (this.logLines > 2 * this.entries.size + 1000) this.compact();
	}

	private sweep(): void {
		const now = Date.now();
		this.nextSweep = now + SWEEP_MS;
		for (const [k, e] of this.entries) if (e.exp <= now) this.remove(k);
		for (const [k, c] of this.counters) if (c.resetAt <= now) this.counters.delete(k);
	}

	private compact(): void {
		this.pending = [];
		this.sweep();
		const lines: string[] = [];
		for (const e of this.entries.values()) lines.push(e.line);
		const tmp = `${this.file}.tmp`;
		writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
		renameSync(tmp, this.file);
		this.logLines = lines.length;
	}

	async get(key: string) {
		const entry = this.live(key);
		return entry && valueOf(entry);
	}

	async set(key: string, value: string, ttlSeconds: number) {
		const exp = Date.now() + ttlSeconds * 1000;
		this.put(key, { line: this.append({ k: key, v: value, exp }), exp });
	}

	async setCapped(key: string, value: string, ttlSeconds: number, group: string, cap: number) {
		const exp = Date.now() + ttlSeconds * 1000;
		this.put(key, { line: this.append({ k: key, v: value, exp, g: group }), exp, g: group });
		const members = this.groups.get(group)!;
		for (const oldest of members) {
			if (members.size <= cap) break;
			this.remove(oldest);
			this.append({ k: oldest });
		}
	}

	async setIfAbsent(key: string, value: string, ttlSeconds: number) {
		if (this.live(key)) return false;
		await this.set(key, value, ttlSeconds);
		return true;
	}

	async take(key: string) {
		const entry = this.live(key);
		if (!entry) return undefined;
		// Synchronous delete: no other request can run between the read and the delete.
		this.remove(key);
		this.append({ k: key });
		return valueOf(entry);
	}

	async delete(key: string) {
		if (this.remove(key)) this.append({ k: key });
	}

	async increment(key: string, windowSeconds: number) {
		const now = Date.now();
		let counter = this.counters.get(key);
		if (!counter || counter.resetAt <= now) this.counters.set(key, (counter = { count: 0, resetAt: now + windowSeconds * 1000 }));
		counter.count++;
		return { ...counter };
	}

	async decrement(key: string) {
		const counter = this.counters.get(key);
		if (counter && counter.count > 0) counter.count--;
	}

	async ping() {}

	async close() {
		this.flush();
	}
}

/** Reads are rare (a callback, a redeem) next to writes (every sign-in start): the value is parsed from the line then. */
const valueOf = (entry: Entry) => (JSON.parse(entry.line) as Op).v!;
