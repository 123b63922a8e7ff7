import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A small embedded document store: one JSON file, rewritten atomically (temp file + rename)
 * on every change, so a crash never leaves half a file and a restart keeps everything.
 * Fine for a development identity provider; not meant for many writers.
 */
export class JsonFileStore<T> {
	private data: Record<string, T>;

	constructor(private readonly file: string) {
		mkdirSync(dirname(file), { recursive: true });
		this.data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>) : {};
	}

	get(key: string): T | undefined {
		return Object.hasOwn(this.data, key) ? this.data[key] : undefined;
	}

	/** The first entry the predicate selects. */
	find(predicate: (value: T, key: string) => boolean): T | undefined {
		for (const [key, value] of Object.entries(this.data)) {
			if (predicate(value, key)) return value;
		}
		return undefined;
	}

	values(): T[] {
		return Object.values(this.data);
	}

	set(key: string, value: T): void {
		this.data[key] = value;
		this.flush();
	}

	delete(key: string): boolean {
		if (!Object.hasOwn(this.data, key)) return false;
		delete this.data[key];
		this.flush();
		return true;
	}

	/** Deletes every entry the predicate selects, with one write. */
	deleteWhere(predicate: (value: T, key: string) => boolean): number {
		let removed = 0;
		for (const [key, value] of Object.entries(this.data)) {
			if (predicate(value, key)) {
				delete this.data[key];
				removed++;
			}
		}
		if (removed) this.flush();
		return removed;
	}

	private flush(): void {
		const tmp = `${this.file}.${process.pid}.tmp`;
		writeFileSync(tmp, JSON.stringify(this.data), { mode: 0o600 });
		renameSync(tmp, this.file);
	}
}
