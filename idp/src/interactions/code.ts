import { formatInternational } from '@logto-bridge/contract';

import type { VerifyResult } from '../verification-codes.js';
import { back, type InteractionDeps, type Step } from './context.js';
import { t, type Locale } from './i18n.js';
import { continueOrFinish } from './profile.js';

/** Why a code was refused, in the visitor's words. */
export function codeRefused(locale: Locale, result: Exclude<VerifyResult, { ok: true }>): string {
	if (result.reason === 'wrong_code') return t(locale, 'errWrongCode', { attempts: result.attemptsLeft });
	return t(locale, result.reason === 'expired' ? 'errExpired' : result.reason === 'too_many_attempts' ? 'errTooManyAttempts' : 'errNoCode');
}

/** POST /interaction/:uid/code: a right code signs in, or, for a new number, asks before creating an account. */
export function submitCode(deps: InteractionDeps) {
	return async (s: Step) => {
		const { req, state, locale } = s;
		if (!state.phone) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errNoCode') };
			return back(s);
		}
		const result = deps.codes.verify(state.phone, String(req.body?.code ?? ''));
		if (!result.ok) {
			state.flash = { kind: 'error', text: codeRefused(locale, result) };
			return back(s);
		}
		const user = deps.accounts.findByPhone(state.phone);
		if (user) return continueOrFinish(deps, s, { accountId: user.id });
		if (!deps.signUpEnabled()) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errSignUpDisabled', { phone: formatInternational(state.phone) }) };
			return back(s);
		}
		// Like Logto 1.37: the number is verified, now ask before creating an account.
		state.verifiedPhone = state.phone;
		state.step = 'confirm';
		back(s);
	};
}

/** POST /interaction/:uid/register: "Continue" on "create a new account?" creates it and signs in. */
export function confirmRegister(deps: InteractionDeps) {
	return async (s: Step) => {
		if (!deps.signUpEnabled() || !s.state.verifiedPhone) {
			s.state.step = 'identifier';
			return back(s);
		}
		// Logto creates the account only once every mandatory field is given (a username, a password).
		const existing = deps.accounts.findByPhone(s.state.verifiedPhone);
		await continueOrFinish(deps, s, existing ? { accountId: existing.id } : { phone: s.state.verifiedPhone });
	};
}
