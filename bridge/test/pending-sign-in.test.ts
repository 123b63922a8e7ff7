import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import type { Request, Response } from 'express';

import { PENDING_TTL_SECONDS, PendingSignIns, type PendingSignIn } from '../src/pending-sign-in.js';
import { FileStore } from '../src/stores/file-store.js';

/** Just what PendingSignIns touches of express's request and response. */
function exchange(cookie?: string) {
	const setCookies: string[] = [];
	const req = { headers: cookie ? { cookie } : {} } as Request;
	const res = { append: (_name: string, value: string) => setCookies.push(value) } as unknown as Response;
	return { req, res, setCookies };
}

const pending: PendingSignIn = { state: 's'.repeat(43), nonce: 'n', verifier: 'v', returnTo: 'http://127.0.0.1/', binding: 'b'.repeat(64), flow: 'f', startedAt: 0 };
const newStore = () => new FileStore(join(mkdtempSync(join(tmpdir(), 'pending-')), 'store.jsonl'));

test('the cookie is HttpOnly, SameSite=Lax and short-lived; __Host- and Secure over https', async () => {
	const https = exchange();
	await new PendingSignIns(newStore(), { publicUrl: 'https://auth.example.com', secureCookies: true }).start(https.req, https.res, pending);
	assert.match(https.setCookies[0]!, new RegExp(`^__Host-logto_bridge\\.signin=[\\w-]{43}; Max-Age=${PENDING_TTL_SECONDS}; Path=/; HttpOnly; SameSite=Lax; Secure$`));

	const underPath = exchange();
	await new PendingSignIns(newStore(), { publicUrl: 'http://127.0.0.1:3000/auth', secureCookies: false }).start(underPath.req, underPath.res, pending);
	assert.match(underPath.setCookies[0]!, /^logto_bridge\.signin=[\w-]{43}; Max-Age=\d+; Path=\/auth; HttpOnly; SameSite=Lax$/);
});

test('a wrong state leaves the pending sign-in; of two takes with the right one, exactly one wins', async () => {
	const store = newStore();
	const pendings = new PendingSignIns(store, { publicUrl: 'http://127.0.0.1:3000', secureCookies: false });
	const started = exchange();
	await pendings.start(started.req, started.res, pending);
	const cookie = started.setCookies[0]!.split(';')[0]!;

	assert.equal(await pendings.take(exchange(cookie).req, exchange().res, 'forged'), undefined);
	assert.equal(await pendings.take(exchange(cookie).req, exchange().res, undefined), undefined);
	const takes = await Promise.all([0, 1, 2].map(() => pendings.take(exchange(cookie).req, exchange().res, pending.state)));
	assert.deepEqual(takes.filter(Boolean), [pending]);
	assert.equal(await pendings.take(exchange(cookie).req, exchange().res, pending.state), undefined, 'a replay finds nothing');
	assert.equal(await pendings.take(exchange('logto_bridge.signin=../../etc').req, exchange().res, pending.state), undefined);
});

test('the store holds a hash of the id, never the cookie value itself', async () => {
	const store = newStore();
	const started = exchange();
	await new PendingSignIns(store, { publicUrl: 'http://127.0.0.1:3000', secureCookies: false }).start(started.req, started.res, pending);
	const id = /=([\w-]{43});/.exec(started.setCookies[0]!)![1]!;
	assert.equal(await store.get(`signin:${id}`), undefined);
	await store.close();
	assert.ok(!readFileSync((store as unknown as { file: string }).file, 'utf8').includes(id));
});
