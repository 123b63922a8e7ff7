import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { RECORD_VERSION } from '../src/records.js';
import { FileStore } from '../src/stores/file-store.js';
import { sessionApp, sessionIdOf, taken } from './support/session-app.js';

const newStore = () => new FileStore(join(mkdtempSync(join(tmpdir(), 'pending-')), 'store.jsonl'));

test('the session cookie is signed, HttpOnly, SameSite=Lax, Path=/ and short-lived; __Host- and Secure over https', async () => {
	const http = await sessionApp(newStore());
	const https = await sessionApp(newStore(), { secureCookies: true });
	try {
		const plain = (await http.start()).setCookie;
		assert.match(plain, /^logto_bridge\.signin=s%3A[\w-]{43}\.[\w%+/=-]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
		const expires = Date.parse(/Expires=([^;]+)/.exec(plain)![1]!);
		assert.ok(Math.abs(expires - Date.now() - 15 * 60_000) < 5_000, 'the cookie lives 15 minutes');
		// Over the plain hop from a TLS-terminating proxy, the cookie still gets Secure.
		assert.match((await https.start()).setCookie, /^__Host-logto_bridge\.signin=s%3A[\w-]{43}\.[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
	} finally {
		await http.close();
		await https.close();
	}
});

test('a wrong state leaves the pending sign-in; of three takes with the right one, exactly one wins; a replay finds nothing', async () => {
	const app = await sessionApp(newStore());
	try {
		const { cookie } = await app.start();
		assert.equal((await app.take(cookie, 'forged')).found, null);
		assert.equal((await app.take(cookie, null)).found, null);
		const takes = await app.takeAtOnce(3, cookie);
		assert.deepEqual(
			takes.map((t) => t.found).filter(Boolean),
			[taken],
		);
		assert.match(takes.find((t) => t.found)!.setCookie!, /^logto_bridge\.signin=; Path=\/; Expires=Thu, 01 Jan 1970/, 'the winner clears the cookie');
		assert.equal((await app.take(cookie)).found, null, 'a replay finds nothing');
	} finally {
		await app.close();
	}
});

test('a pending sign-in written by a newer release (a rolling restart) is not misread: the callback finds none', async () => {
	const store = newStore();
	const app = await sessionApp(store);
	try {
		const { cookie } = await app.start();
		const key = `signin:${sessionIdOf(cookie)}`;
		const record = JSON.parse((await store.get(key))!) as { signIn: { v: number } };
		assert.equal(record.signIn.v, RECORD_VERSION, 'written with this release’s version');
		record.signIn.v = RECORD_VERSION + 1;
		await store.set(key, JSON.stringify(record), 60);
		assert.equal((await app.take(cookie)).found, null);
	} finally {
		await app.close();
	}
});

test('every start is a new session: a planted id is never adopted, and the previous attempt ends', async () => {
	const app = await sessionApp(newStore());
	try {
		const first = await app.start();
		const second = await app.start(first.cookie);
		assert.ok(sessionIdOf(second.cookie) && sessionIdOf(second.cookie) !== sessionIdOf(first.cookie), 'no fixation: regenerated');
		assert.equal((await app.take(first.cookie)).found, null, 'the previous attempt is gone');
		assert.deepEqual((await app.take(second.cookie)).found, taken);
	} finally {
		await app.close();
	}
});

test('a cookie without its signature finds nothing: a store dump is not a set of usable cookies', async () => {
	const store = newStore();
	const app = await sessionApp(store);
	try {
		const { cookie } = await app.start();
		const id = sessionIdOf(cookie)!;
		await store.close();
		assert.ok(readFileSync((store as unknown as { file: string }).file, 'utf8').includes(id), 'the store holds the session id');
		for (const forged of [`logto_bridge.signin=${id}`, `logto_bridge.signin=s%3A${id}.forged`, cookie.replace(/\.[^.]+$/, '.AAAA')]) {
			assert.equal((await app.take(forged)).found, null, forged);
		}
		assert.deepEqual((await app.take(cookie)).found, taken, 'the signed cookie still works');
	} finally {
		await app.close();
	}
});

test('pending sign-ins are capped: past the cap the oldest sessions are dropped', async () => {
	const app = await sessionApp(newStore(), { cap: 5 });
	try {
		const started: { cookie: string }[] = [];
		for (let i = 0; i < 8; i++) started.push(await app.start());
		assert.equal((await app.take(started[2]!.cookie)).found, null, 'the third-oldest is gone');
		assert.deepEqual((await app.take(started[3]!.cookie)).found, taken);
		assert.deepEqual((await app.take(started[7]!.cookie)).found, taken);
	} finally {
		await app.close();
	}
});
