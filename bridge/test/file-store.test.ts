import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
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

test('a capped group keeps the newest keys: past the cap the oldest go, also after a restart', async () => {
	const file = join(mkdtempSync(join(tmpdir(), 'file-store-')), 'store.jsonl');
	const store = new FileStore(file);
	for (let i = 0; i < 150; i++) await store.setCapped(`signin:${i}`, String(i), 60, 'signin', 100);
	await store.set('ticket:x', 'kept', 60);
	assert.equal(await store.get('signin:49'), undefined, 'the oldest are dropped');
	assert.equal(await store.get('signin:50'), '50');
	assert.equal(await store.get('signin:149'), '149');
	assert.equal(await store.get('ticket:x'), 'kept', 'other keys are not counted');
	await store.take('signin:149');
	await store.setCapped('signin:new', 'n', 60, 'signin', 100);
	assert.equal(await store.get('signin:50'), '50', 'a taken key frees its place');
	await store.close();
	const again = new FileStore(file);
	await again.setCapped('signin:after', 'a', 60, 'signin', 100);
	assert.equal(await again.get('signin:50'), undefined, 'the group and its order survive a restart');
	assert.equal(await again.get('signin:51'), '51');
});

test('rate-limit counters count within their window and never reach the disk', async () => {
	const file = join(mkdtempSync(join(tmpdir(), 'file-store-')), 'store.jsonl');
	const store = new FileStore(file);
	assert.equal((await store.increment('rate:1.2.3.4', 1)).count, 1);
	assert.equal((await store.increment('rate:1.2.3.4', 1)).count, 2);
	await store.decrement('rate:1.2.3.4');
	assert.equal((await store.increment('rate:1.2.3.4', 1)).count, 2);
	await new Promise((r) => setTimeout(r, 1050));
	assert.equal((await store.increment('rate:1.2.3.4', 1)).count, 1, 'a new window');
	await store.close();
	assert.equal(readFileSync(file, 'utf8'), '');
});
