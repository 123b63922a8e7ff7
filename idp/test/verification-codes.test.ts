import assert from 'node:assert/strict';
import { test } from 'node:test';

import { defaultCodePolicy, VerificationCodes } from '../src/verification-codes.js';

const PHONE = '+8613800138000';

function clock() {
	let now = 1_700_000_000_000;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

function issued(codes: VerificationCodes, phone = PHONE, ip = '127.0.0.1') {
	const result = codes.issue(phone, ip, 'SignIn');
	assert.ok(result.ok, `expected a code, got ${JSON.stringify(result)}`);
	return result.code;
}

test('codes are six digits and single-use', () => {
	const codes = new VerificationCodes();
	const code = issued(codes);
	assert.match(code, /^\d{6}$/);
	assert.deepEqual(codes.verify(PHONE, code), { ok: true, usageType: 'SignIn' });
	assert.deepEqual(codes.verify(PHONE, code), { ok: false, reason: 'no_code' });
});

test('a code expires after its lifetime', () => {
	const c = clock();
	const codes = new VerificationCodes(defaultCodePolicy, c.now);
	const code = issued(codes);
	c.advance(defaultCodePolicy.ttlMs + 1);
	assert.deepEqual(codes.verify(PHONE, code), { ok: false, reason: 'expired' });
});

test('five wrong attempts invalidate the code, even the right one after them', () => {
	const codes = new VerificationCodes();
	const code = issued(codes);
	const wrong = code === '000000' ? '111111' : '000000';
	for (let left = 4; left >= 1; left--) {
		assert.deepEqual(codes.verify(PHONE, wrong), { ok: false, reason: 'wrong_code', attemptsLeft: left });
	}
	assert.deepEqual(codes.verify(PHONE, wrong), { ok: false, reason: 'too_many_attempts' });
	assert.deepEqual(codes.verify(PHONE, code), { ok: false, reason: 'no_code' });
});

test('a resend sooner than 60 s is refused with the wait time', () => {
	const c = clock();
	const codes = new VerificationCodes(defaultCodePolicy, c.now);
	issued(codes);
	c.advance(45_000);
	assert.deepEqual(codes.issue(PHONE, '127.0.0.1', 'SignIn'), { ok: false, reason: 'resend_too_soon', retryAfterSeconds: 15 });
	c.advance(15_000);
	issued(codes);
});

test('sends are limited per phone and per IP within the window', () => {
	const c = clock();
	const codes = new VerificationCodes(defaultCodePolicy, c.now);
	for (let i = 0; i < defaultCodePolicy.perPhone.max; i++) {
		issued(codes);
		c.advance(defaultCodePolicy.resendMs);
	}
	assert.deepEqual(codes.issue(PHONE, '127.0.0.1', 'SignIn'), { ok: false, reason: 'phone_rate_limited' });
	// Other numbers from the same address still work until the IP limit.
	let n = 0;
	const phone = () => `+86139${String(10000000 + n++)}`;
	for (let i = defaultCodePolicy.perPhone.max; i < defaultCodePolicy.perIp.max; i++) issued(codes, phone());
	assert.deepEqual(codes.issue(phone(), '127.0.0.1', 'SignIn'), { ok: false, reason: 'ip_rate_limited' });
	assert.ok(codes.issue(phone(), '10.0.0.2', 'SignIn').ok, 'another address is not limited');
	c.advance(defaultCodePolicy.perPhone.windowMs);
	issued(codes);
});

test('a code of the wrong length never matches', () => {
	const codes = new VerificationCodes();
	const code = issued(codes);
	assert.equal(codes.verify(PHONE, `${code}0`).ok, false);
	assert.equal(codes.verify(PHONE, code.slice(0, 5)).ok, false);
});
