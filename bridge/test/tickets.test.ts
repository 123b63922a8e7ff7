import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import examples from '../../fixtures/ticket-payload.json' with { type: 'json' };
import { FileStore } from '../src/stores/file-store.js';
import { Tickets, type TicketPayload } from '../src/tickets.js';

test('a ticket is issued only for a payload of the contract, and redeemed once', async () => {
	const store = new FileStore(join(mkdtempSync(join(tmpdir(), 'tickets-')), 'store.jsonl'));
	const tickets = new Tickets(store);
	const ticket = await tickets.issue(examples.valid[0] as TicketPayload, 'flow1');
	assert.deepEqual(await tickets.redeem(ticket), { ...examples.valid[0], flow: 'flow1' });
	assert.equal(await tickets.redeem(ticket), undefined, 'once');
	for (const payload of examples.invalid) {
		await assert.rejects(tickets.issue(payload as TicketPayload, 'flow2'), /outside the contract/, JSON.stringify(payload));
	}
	await store.close();
});
