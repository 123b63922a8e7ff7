import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import examples from '../../fixtures/ticket-payload.json' with { type: 'json' };
import { FileStore } from '../src/stores/file-store.js';
import { ticketKey, Tickets, type TicketPayload } from '../src/tickets.js';

const SECRET = 'x'.repeat(32);

test('a ticket is issued only for a payload of the contract, and redeemed once', async () => {
	const store = new FileStore(join(mkdtempSync(join(tmpdir(), 'tickets-')), 'store.jsonl'));
	const tickets = new Tickets(store, SECRET);
	const ticket = await tickets.issue(examples.valid[0] as TicketPayload, 'flow1');
	assert.deepEqual(await tickets.redeem(ticket), { ...examples.valid[0], flow: 'flow1' });
	assert.equal(await tickets.redeem(ticket), undefined, 'once');
	for (const payload of examples.invalid) {
		await assert.rejects(tickets.issue(payload as TicketPayload, 'flow2'), /outside the contract/, JSON.stringify(payload));
	}
	await store.close();
});

test('a ticket record carries its shape’s version: 0.1.0’s (none) redeems, a newer release’s is never misread', async () => {
	const store = new FileStore(join(mkdtempSync(join(tmpdir(), 'tickets-')), 'store.jsonl'));
	const tickets = new Tickets(store, SECRET);
	const { RECORD_VERSION } = await import('../src/records.js');
	const issued = await tickets.issue(examples.valid[0] as TicketPayload, 'flow1');
	// What a rolling restart's other instance reads: the stamped record.
	assert.equal((JSON.parse((await store.get(ticketKey(issued)))!) as { v: number }).v, RECORD_VERSION);
	const old = 'A'.repeat(43);
	await store.set(ticketKey(old), JSON.stringify({ ...examples.valid[0], flow: 'flow0' }), 60);
	assert.deepEqual(await tickets.redeem(old), { ...examples.valid[0], flow: 'flow0' }, 'as 0.1.0 wrote it');
	const newer = 'B'.repeat(43);
	await store.set(ticketKey(newer), JSON.stringify({ ...examples.valid[0], flow: 'flow9', v: RECORD_VERSION + 1 }), 60);
	assert.equal(await tickets.redeem(newer), undefined);
	await store.close();
});

test('a stored ticket and its sealed twin: one sign-in, opened with the shared secret only, spent by one key', async () => {
	const store = new FileStore(join(mkdtempSync(join(tmpdir(), 'tickets-')), 'store.jsonl'));
	const tickets = new Tickets(store, SECRET);
	const { openTicket, ticketJti } = await import('@logto-bridge/contract/ticket-seal');
	const { ticket, sealed } = await tickets.issuePair(examples.valid[0] as TicketPayload, 'flow1');
	const opened = openTicket(SECRET, sealed)!;
	assert.deepEqual({ ...opened, exp: 0, jti: '' }, { ...examples.valid[0], exp: 0, jti: '' });
	assert.ok(Math.abs(opened.exp - (Date.now() / 1000 + 120)) < 5, 'valid 120 s');
	assert.equal(opened.jti, ticketJti(ticket));
	assert.equal(openTicket('y'.repeat(32), sealed), undefined, 'another secret opens nothing');
	assert.deepEqual(await tickets.redeem(ticket), { ...examples.valid[0], flow: 'flow1' }, 'the stored one redeems as before');
	await store.close();
});
