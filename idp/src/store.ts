import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Line<T> = { k: string; v: T } | { k: string; d: 1 };

/**
 * A small embedded document store: a log of changes, one JSON line each (`<name>.jsonl`),
 * appended per change and compacted (rewritten atomically: temp file + rename) once it holds
 * more than twice the live entries, so a write costs one line, not the whole file, and a
 * crash loses at most the line being written. `keep` drops entries that are no longer needed
 * (expired tokens) at each compaction. A `<name>.json` snapshot of earlier versions is read
 * once and replaced. Fine for a development identity provider; not meant for many writers.
 */
export class JsonFileStore<T> {
	private readonly data = new Map<string, T>();
	private readonly log: string;
	/** Lines in the log now; compaction starts over from the live entries. */
	private lines = 0;

	constructor(
		file: string,
		private readonly keep: (value: T) => boolean = () => true,
	) {
		mkdirSync(dirname(file), { recursive: true });
		this.log = file.replace(/\.json$/, '') + '.jsonl';
		if (existsSync(this.log)) {
			for (const text of readFileSync(this.log, 'utf8').split('\n')) {
				if (!text) continue;
				let line: Line<T>;
				try {
					line = JSON.parse(text) as Line<T>;
				} catch {
					continue; // a line torn by a crash: the change it held is lost, nothing else
				}
				this.lines++;
				if ('d' in line) this.data.delete(line.k);
				else this.data.set(line.k, line.v);
			}
		} else if (existsSync(file)) {
			for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>)) this.data.set(k, v);
			this.compact();
			rmSync(file);
		}
	}

	get(key: string): T | undefined {
		return this.data.get(key);
	}

	/** The first entry the predicate selects. */
	find(predicate: (value: T, key: string) => boolean): T | undefined {
		for (const [key, value] of this.data) {
			if (predicate(value, key)) return value;
		}
		return undefined;
	}

	values(): T[] {
		return [...this.data.values()];
	}

	/** Every key, in insertion order. */
	keys(): string[] {
		return [...this.data.keys()];
	}

	set(key: string, value: T): void {
		this.data.set(key, value);
		this.append([{ k: key, v: value }]);
	}

	delete(key: string): boolean {
		if (!this.data.delete(key)) return false;
		this.append([{ k: key, d: 1 }]);
		return true;
	}

	/** Deletes every entry the predicate selects, with one write. */
	deleteWhere(predicate: (value: T, key: string) => boolean): number {
		const removed: Line<T>[] = [];
		for (const [key, value] of this.data) {
			if (predicate(value, key)) removed.push({ k: key, d: 1 });
		}
		for (const line of removed) this.data.delete(line.k);
		if (removed.length) this.append(removed);
		return removed.length;
	}

	private append(lines: Line<T>[]): void {
		appendFileSync(this.log, lines.map((l) => `${JSON.stringify(l)}\n`).join(''), { mode: 0o600 });
		this.lines += lines.length;
		if (this.lines > 2 * this.data.size + 1000) this.compact();
	}

	/** Rewrites the log as the live entries only, dropping those `keep` no longer wants. */
	private compact(): void {
		for (const [key, value] of this.data) if (!this.keep(value)) this.data.delete(key);
		const tmp = `${this.log}.${process.pid}.tmp`;
		writeFileSync(tmp, [...this.data].map(([k, v]) => `${JSON.stringify({ k, v })}\n`).join(''), { mode: 0o600 });
		renameSync(tmp, this.log);
		this.lines = this.data.size;
	}
}
