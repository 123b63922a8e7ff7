import { maskPhone, toE164 } from '@logto-bridge/contract';

import { SmsDeliveryError, type UsageType } from '../sms/index.js';
import { back, type InteractionDeps, type Step } from './context.js';
import { t } from './i18n.js';

/** POST /interaction/:uid/phone: a valid number gets a code and the code screen. */
export function submitPhone(deps: InteractionDeps) {
	return async (s: Step) => {
		const { req, state, locale } = s;
		state.intent = req.body?.intent === 'register' && deps.signUpEnabled() ? 'register' : 'sign_in';
		const phone = toE164(String(req.body?.phone ?? ''), deps.defaultRegion);
		if (!phone) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errInvalidPhone') };
			return back(s);
		}
		state.phone = phone;
		await sendCode(deps, s);
		back(s);
	};
}

/** POST /interaction/:uid/resend: another code to the same number, within the resend limits. */
export function resendCode(deps: InteractionDeps) {
	return async (s: Step) => {
		if (s.state.phone) await sendCode(deps, s);
		back(s);
	};
}

/** Sends a code to `state.phone`; the code screen follows, or for a number being linked, the profile page. */
export async function sendCode({ codes, sms }: InteractionDeps, { req, state, locale }: Step, screen: 'code' | 'profile' = 'code') {
	const phone = state.phone as string;
	const usageType: UsageType = screen === 'profile' ? 'Generic' : state.intent === 'register' ? 'Register' : 'SignIn';
	const issued = codes.issue(phone, req.ip ?? 'unknown', usageType);
	if (!issued.ok) {
		// The visitor stays on the screen they are on (phone form or code screen), with the reason.
		state.flash = {
			kind: 'error',
			text:
				issued.reason === 'resend_too_soon'
					? t(locale, 'errResendTooSoon', { seconds: issued.retryAfterSeconds })
					: t(locale, issued.reason === 'phone_rate_limited' ? 'errPhoneRateLimited' : 'errIpRateLimited'),
		};
		return;
	}
	try {
		await sms.sendMessage({ to: phone, type: usageType, payload: { code: issued.code } });
		state.step = screen;
	} catch (error) {
		codes.withdraw(phone);
		const reason = error instanceof SmsDeliveryError ? error.message : 'unexpected error';
		console.error(`sms: delivery to ${maskPhone(phone)} failed: ${reason}`);
		state.step = screen === 'profile' ? 'profile' : 'identifier';
		state.flash = { kind: 'error', text: t(locale, 'errSmsFailed') };
	}
}
