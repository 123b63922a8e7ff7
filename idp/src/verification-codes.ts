import { randomInt, timingSafeEqual } from 'node:crypto';

import type { UsageType } from './sms/index.js';

export type CodePolicy = {
	ttlMs: number;
	resendMs: number;
	maxAttempts: number;
	perPhone: { max: number; windowMs: number };
	perIp: { max: number; windowMs: number };
};

export const defaultCodePolicy: CodePolicy = {
	ttlMs: 10 * 60_000,
	resendMs: 60_000,
	maxAttempts: 5,
	perPhone: { max: 5, windowMs: 60 * 60_000 },
	perIp: { max: 20, windowMs: 60 * 60_000 },
};

type PendingCode = { code: string; usageType: UsageType; expiresAt: number; sentAt: number; attempts: number };

export type IssueResult =
	| { ok: true; code: string }
	| { ok: false; reason: 'resend_too_soon'; retryAfterSeconds: number }
	| { ok: false; reason: 'phone_rate_limited' | 'ip_rate_limited' };

export type VerifyResult =
	| { ok: true; usageType: UsageType }
	| { ok: false; reason: 'no_code' | 'expired' | 'too_many_attempts' }
	| { ok: false; reason: 'wrong_code'; attemptsLeft: number };

/**
 * Six-digit codes from a CSPRNG, one pending code per phone number, with a lifetime, an
 * attempt limit, a resend delay and sliding-window send limits per phone and per IP.
 */
export class VerificationCodes {
	private readonly pending = new Map<string, PendingCode>();
	private readonly sends = new Map<string, number[]>();

	constructor(
		private readonly policy: CodePolicy = defaultCodePolicy,
		private readonly now: () => number = Date.now,
	) {}

	issue(phone: string, ip: string, usageType: UsageType): IssueResult {
		const now = this.now();
		const previous = this.pending.get(phone);
		if (previous && now - previous.sentAt < this.policy.resendMs) {
			return { ok: false, reason: 'resend_too_soon', retryAfterSeconds: Math.ceil((previous.sentAt + this.policy.resendMs - now) / 1000) };
		}
		if (!this.withinLimit(`phone:${phone}`, this.policy.perPhone, now)) return { ok: false, reason: 'phone_rate_limited' };
		if (!this.withinLimit(`ip:${ip}`, this.policy.perIp, now)) return { ok: false, reason: 'ip_rate_limited' };
		this.record(`phone:${phone}`, now);
		this.record(`ip:${ip}`, now);
		const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
		this.pending.set(phone, { code, usageType, expiresAt: now + this.policy.ttlMs, sentAt: now, attempts: 0 });
		return { ok: true, code };
	}

	/** A code that failed delivery must not block a new try. */
	withdraw(phone: string): void {
		this.pending.delete(phone);
	}

	verify(phone: string, input: string): VerifyResult {
		const entry = this.pending.get(phone);
		if (!entry) return { ok: false, reason: 'no_code' };
		if (this.now() > entry.expiresAt) {
			this.pending.delete(phone);
			return { ok: false, reason: 'expired' };
		}
		const given = Buffer.from(input.trim().padEnd(6).slice(0, 6));
		const matches = timingSafeEqual(given, Buffer.from(entry.code)) && input.trim().length === 6;
		if (matches) {
			this.pending.delete(phone);
			return { ok: true, usageType: entry.usageType };
		}
		entry.attempts++;
		if (entry.attempts >= this.policy.maxAttempts) {
			this.pending.delete(phone);
			return { ok: false, reason: 'too_many_attempts' };
		}
		return { ok: false, reason: 'wrong_code', attemptsLeft: this.policy.maxAttempts - entry.attempts };
	}

	private withinLimit(key: string, limit: { max: number; windowMs: number }, now: number): boolean {
		const recent = (this.sends.get(key) ?? []).filter((t) => now - t < limit.windowMs);
		this.sends.set(key, recent);
		return recent.length < limit.max;
	}

	private record(key: string, now: number): void {
		this.sends.get(key)?.push(now);
	}
}
