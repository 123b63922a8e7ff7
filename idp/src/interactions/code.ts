import { formatInternational } from '@logto-bridge/contract';

import { back, finish, type InteractionDeps, type Step } from './context.js';
import { t } from './i18n.js';

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
			state.flash = {
				kind: 'error',
				text:
					result.reason === 'wrong_code'
						? t(locale, 'errWrongCode', { attempts: result.attemptsLeft })
						: t(locale, result.reason === 'expired' ? 'errExpired' : result.reason === 'too_many_attempts' ? 'errTooManyAttempts' : 'errNoCode'),
			};
			return back(s);
		}
		const user = deps.accounts.findByPhone(state.phone);
		if (user) return finish(deps, s, { login: { accountId: user.id } });
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
		const user = deps.accounts.findByPhone(s.state.verifiedPhone) ?? deps.accounts.create({ phone: s.state.verifiedPhone, roles: deps.defaultRoles() });
		await finish(deps, s, { login: { accountId: user.id } });
	};
}
