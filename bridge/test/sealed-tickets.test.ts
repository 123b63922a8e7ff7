import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { openTicket } from '@logto-bridge/contract/ticket-seal';
import { Browser, redeem, SECRET, signInByPhone, startSystem, ticketOf, type System } from '@logto-bridge/testkit';

// A site whose plugin opens sealed tickets (its site config lists `sealed-v1`), next to one that
// does not (0.2.0 and older): each gets the ticket it can use.
let sealing: System;
let storing: System;

before(async () => {
	[sealing, storing] = await Promise.all([startSystem({ site: () => ({ ticketFormats: ['sealed-v1'] }) }), startSystem()]);
});
after(async () => {
	await Promise.all([sealing?.stop(), storing?.stop()]);
});

test('a plugin that opens sealed tickets gets the sign-in in the ticket itself, for its browser binding, valid 120 s', async () => {
	const landed = await signInByPhone(sealing, new Browser(), '+8613912345631', `${sealing.wp.url}/wp-admin/`);
	const ticket = ticketOf(landed)!;
	assert.match(ticket, /^s1\./);
	const content = openTicket(SECRET, ticket);
	assert.equal(content && 'claims' in content ? content.claims.phone_number : undefined, '8613912345631');
	assert.match(content!.binding, /^[0-9a-f]{64}$/);
	assert.ok(Math.abs(content!.exp - (Date.now() / 1000 + 120)) < 5);
	assert.equal((await redeem(sealing.bridges[0]!.url, ticket)).status, 400, 'nothing to redeem at the bridge: it keeps no copy');
});

test('a plugin that does not list the format gets a stored ticket, redeemed at the bridge once', async () => {
	const landed = await signInByPhone(storing, new Browser(), '+8613912345632', `${storing.wp.url}/wp-admin/`);
	const ticket = ticketOf(landed)!;
	assert.match(ticket, /^[A-Za-z0-9_-]{43}$/);
	assert.equal((await redeem(storing.bridges[0]!.url, ticket)).status, 200);
	assert.equal((await redeem(storing.bridges[0]!.url, ticket)).status, 410);
});
