import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { openTicket, ticketJti } from '@logto-bridge/contract/ticket-seal';
import { Browser, redeem, SECRET, signInByPhone, startSystem, type System } from '@logto-bridge/testkit';

// Every callback hands WordPress the stored ticket (any plugin redeems it at the bridge) and its
// sealed twin (a plugin with sodium opens it itself): nothing is guessed about the plugin.
let sys: System;

before(async () => {
	sys = await startSystem();
});
after(async () => {
	await sys?.stop();
});

test('the callback carries the stored ticket and the sealed one: the same sign-in, one single-use key', async () => {
	const landed = new URL(await signInByPhone(sys, new Browser(), '+8613912345631', `${sys.wp.url}/wp-admin/`));
	const ticket = landed.searchParams.get('ticket')!;
	const sealed = landed.searchParams.get('sealed')!;
	assert.match(ticket, /^[A-Za-z0-9_-]{43}$/);
	assert.match(sealed, /^s1\./);
	const content = openTicket(SECRET, sealed)!;
	assert.equal('claims' in content ? content.claims.phone_number : undefined, '8613912345631');
	assert.match(content.binding, /^[0-9a-f]{64}$/);
	assert.ok(Math.abs(content.exp - (Date.now() / 1000 + 120)) < 5, 'valid 120 s');
	assert.equal(content.jti, ticketJti(ticket), 'WordPress spends the pair by the stored ticket’s hash');
	// A plugin without sodium (or of 0.2.0 and older) redeems the stored one, once.
	const res = await redeem(sys.bridges[0]!.url, ticket);
	assert.equal(res.status, 200);
	assert.deepEqual(((await res.json()) as { binding: string }).binding, content.binding);
	assert.equal((await redeem(sys.bridges[0]!.url, ticket)).status, 410);
});
