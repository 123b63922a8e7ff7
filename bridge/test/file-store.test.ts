import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { FileStore } from '../src/stores/file-store.js';

test('the embedded store survives a restart: live entries stay, taken and expired ones do not', async () => {
	const file = join(mkdtempSync(join(tmpdir(), 'file-store-')), 'store.jsonl');
	const first = new FileStore(file);
	await first.set('kept', 'v1', 60);
	await first.set('taken', 'v2', 60);
	await first.set('short', 'v3', 1);
	assert.equal(await first.take('taken'), 'v2');
	assert.equal(await first.take('taken'), undefined, 'a second take finds nothing');
	assert.equal(await first.setIfAbsent('kept', 'other', 60), false);
	await first.close();
	await new Promise((r) => setTimeout(r, 1100));
	const second = new FileStore(file);
	assert.equal(await second.get('kept'), 'v1');
	assert.equal(await second.get('taken'), undefined);
	assert.equal(await second.get('short'), undefined, 'expired entries are gone after a restart');
});

test('writes made in one turn reach the disk together, before the next restart', async () => {
	const file = join(mkdtempSync(join(tmpdir(), 'file-store-')), 'store.jsonl');
	const store = new FileStore(file);
	await Promise.all(Array.from({ length: 500 }, (_, i) => store.set(`k${i}`, String(i), 60)));
	await new Promise((r) => setImmediate(r));
	const reopened = new FileStore(file);
	assert.equal(await reopened.get('k499'), '499');
});
