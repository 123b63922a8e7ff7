import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { KeyValueStore } from './types.js';

type Entry = { v: string; exp: number };

/**
 * The embedded default: entries in memory, every change appended to a log file that is
 * replayed at start (so sessions and tickets survive a restart) and compacted when it has
 * grown to twice the live data. Single process; use Redis for several bridge instances.
 */
export class FileStore implements KeyValueStore {
	readonly kind = 'file';
	private readonly entries = new Map<string, Entry>();
	private logLines = 0;
	/** Log lines not yet on disk: written together once per event-loop turn, not once per change. */
	private pending: string[] = [];
	private flushScheduled = false;

	constructor(private readonly file: string) {
		mkdirSync(dirname(file), { recursive: true });
		if (existsSync(file)) {
			for (const line of readFileSync(file, 'utf8').split('\n')) {
				if (!line) continue;
				try {
					const op = JSON.parse(line) as { k: string; v?: string; exp?: number };
					if (op.v === undefined) this.entries.delete(op.k);
					else this.entries.set(op.k, { v: op.v, exp: op.exp ?? 0 });
				} catch {
					// A torn last line after a crash: everything before it is intact.
				}
			}
		}
		this.compact();
	}

	private live(key: string): Entry | undefined {
		const entry = this.entries.get(key);
		if (entry && entry.exp <= Date.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry;
	}

	private append(op: { k: string; v?: string; exp?: number }): void {
		this.pending.push(`${JSON.stringify(op)}\n`);
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			setImmediate(() => this.flush());
		}
	}

	private flush(): void {
		this.flushScheduled = false;
		if (!this.pending.length) return;
		appendFileSync(this.file, this.pending.join(''), { mode: 0o600 });
		this.logLines += this.pending.length;
		this.pending = [];
		if (this.logLines > 2 * this.entries.size + 1000) this.compact();
	}

	private compact(): void {
		this.pending = [];
		const now = Date.now();
		const lines: string[] = [];
		for (const [k, e] of this.entries) {
			if (e.exp <= now) this.entries.delete(k);
			else lines.push(JSON.stringify({ k, v: e.v, exp: e.exp }));
		}
		const tmp = `${this.file}.tmp`;
		writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
		renameSync(tmp, this.file);
		this.logLines = lines.length;
	}

	async get(key: string) {
		return this.live(key)?.v;
	}

	async set(key: string, value: string, ttlSeconds: number) {
		const exp = Date.now() + ttlSeconds * 1000;
		this.entries.set(key, { v: value, exp });
		this.append({ k: key, v: value, exp });
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
		this.entries.delete(key);
		this.append({ k: key });
		return entry.v;
	}

	async delete(key: string) {
		if (this.entries.delete(key)) this.append({ k: key });
	}

	async ping() {}

	async close() {
		this.flush();
	}
}
