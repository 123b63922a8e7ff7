import assert from 'node:assert/strict';
import { test } from 'node:test';

import examples from '../../fixtures/ticket-payload.json' with { type: 'json' };
import { isTicketPayload } from '../src/ticket-payload.js';

test('the ticket payloads of fixtures/ticket-payload.json: the valid pass, each invalid one is refused', () => {
	for (const payload of examples.valid) assert.ok(isTicketPayload(payload), JSON.stringify(payload));
	for (const payload of examples.invalid) assert.ok(!isTicketPayload(payload), JSON.stringify(payload));
});
