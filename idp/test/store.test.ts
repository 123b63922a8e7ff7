import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { JsonFileStore } from '../src/store.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'idp-store-')), 'things.json');
const lines = (file: string) => readFileSync(file.replace(/\.json$/, '.jsonl'), 'utf8').split('\n').filter(Boolean).length;

test('a change is one appended line, not a rewrite of the file, and a restart replays them', () => {
	const file = fresh();
	const store = new JsonFileStore<{ n: number }>(file);
	store.set('a', { n: 1 });
	const { ino } = statSync(file.replace(/\.json$/, '.jsonl'));
	store.set('b', { n: 2 });
	store.set('a', { n: 3 });
	assert.equal(store.delete('b'), true);
	assert.equal(statSync(file.replace(/\.json$/, '.jsonl')).ino, ino, 'the same file, appended to');
	assert.equal(lines(file), 4);
	const again = new JsonFileStore<{ n: number }>(file);
	assert.deepEqual(again.get('a'), { n: 3 });
	assert.equal(again.get('b'), undefined);
});

test('the log is compacted past twice the live entries, dropping what `keep` no longer wants', () => {
	const file = fresh();
	const store = new JsonFileStore<{ n: number }>(file, (v) => v.n % 2 === 0);
	for (let i = 0; i < 3000; i++) store.set(`k${i % 10}`, { n: i });
	assert.ok(lines(file) <= 2 * 10 + 1000, `${lines(file)} lines for 10 live entries`);
	const again = new JsonFileStore<{ n: number }>(file);
	assert.ok(again.values().every((v) => v.n >= 2990), 'the newest values survive');
	assert.ok(again.keys().length <= 10);
});

test('a line torn by a crash loses only that change', () => {
	const file = fresh();
	const store = new JsonFileStore<{ n: number }>(file);
	store.set('a', { n: 1 });
	appendFileSync(file.replace(/\.json$/, '.jsonl'), '{"k":"b","v":{"n"');
	assert.deepEqual(new JsonFileStore<{ n: number }>(file).keys(), ['a']);
});

test('a snapshot written by an earlier version (one JSON object) is read once and replaced by the log', () => {
	const file = fresh();
	writeFileSync(file, JSON.stringify({ a: { n: 1 }, b: { n: 2 } }));
	const store = new JsonFileStore<{ n: number }>(file);
	assert.deepEqual(store.get('b'), { n: 2 });
	assert.equal(existsSync(file), false);
	assert.deepEqual(new JsonFileStore<{ n: number }>(file).keys(), ['a', 'b']);
});
