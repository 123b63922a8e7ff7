import assert from 'node:assert/strict';
import { test } from 'node:test';

import seal from '../../fixtures/ticket-seal.json' with { type: 'json' };
import { openTicket, sealTicket, TICKET_SEAL, ticketJti, type SealedTicketContent } from '../src/ticket-seal.js';

const [vector] = seal.vectors;

test('the bridge seals exactly the shared vector (WordPress’s test opens the same one)', () => {
	assert.equal(sealTicket(vector!.secret, vector!.content as SealedTicketContent, Buffer.from(vector!.nonceHex, 'hex')), vector!.ticket);
	assert.deepEqual(openTicket(vector!.secret, vector!.ticket), vector!.content);
	assert.ok(TICKET_SEAL.pattern.test(vector!.ticket));
});

test('a ticket changed, cut, of another secret or another prefix opens to nothing', () => {
	for (const refused of seal.refused) {
		assert.equal(openTicket((refused as { secret?: string }).secret ?? vector!.secret, refused.ticket), undefined, refused.why);
	}
});

test('the sealed ticket’s jti is the stored ticket it travels with, hashed (WordPress spends the pair by it)', () => {
	assert.equal(ticketJti(seal.pair.ticket), seal.pair.jti);
});

test('only a payload of the contract is sealed, and two seals of it differ', () => {
	assert.throws(() => sealTicket(vector!.secret, { claims: {} } as SealedTicketContent), /outside the contract/);
	const content = vector!.content as SealedTicketContent;
	assert.notEqual(sealTicket(vector!.secret, content), sealTicket(vector!.secret, content), 'a fresh nonce each time');
});
