import { formatInternational, missingProfile, toE164, type ProfileField } from '@logto-bridge/contract';

import { hashPassword } from '../accounts.js';
import { codeRefused } from './code.js';
import { back, finish, type InteractionDeps, type Step } from './context.js';
import { t } from './i18n.js';
import { sendCode } from './phone.js';
import type { ProfileDraft } from './state.js';

// Logto checks the mandatory profile before a sign-up or a sign-in finishes, and asks for the
// first missing field on its own page ("Set username", "Set password", "Link phone number"):
// packages/core/src/routes/experience/classes/experience-interaction.ts (createUser and submit
// call assertUserMandatoryProfileFulfilled, profile.ts), answered by the experience's
// use-required-profile-error-handler.

const USERNAME = /^[A-Z_a-z]\w*$/;

/** The field Logto would ask for next, or none. */
export function nextField(deps: InteractionDeps, draft: ProfileDraft): ProfileField | undefined {
	const user = draft.accountId ? deps.accounts.get(draft.accountId) : undefined;
	return missingProfile(deps.mandatoryProfile(), {
		username: user?.username ?? draft.username,
		email: user?.email,
		phone: user?.phone ?? draft.phone,
		hasPassword: Boolean(user?.passwordHash ?? draft.passwordHash),
	})[0];
}

/** Finishes the sign-in or sign-up when nothing is missing; otherwise shows the page for the next field. */
export async function continueOrFinish(deps: InteractionDeps, s: Step, draft: ProfileDraft) {
	if (nextField(deps, draft)) {
		s.state.step = 'profile';
		s.state.profile = draft;
		return back(s);
	}
	let accountId = draft.accountId;
	if (accountId) {
		deps.accounts.update(accountId, { ...(draft.username ? { username: draft.username } : {}), ...(draft.passwordHash ? { passwordHash: draft.passwordHash } : {}) });
	} else {
		// Another tab may have created the account meanwhile: the number is one account.
		const phone = draft.phone as string;
		accountId = (deps.accounts.findByPhone(phone) ?? deps.accounts.create({ phone, username: draft.username ?? null, passwordHash: draft.passwordHash ?? null, roles: deps.defaultRoles() })).id;
	}
	await finish(deps, s, { login: { accountId } });
}

/** POST /interaction/:uid/profile: the field asked for (a username, a password, a phone and its code). */
export function submitProfile(deps: InteractionDeps) {
	return async (s: Step) => {
		const { req, state, locale } = s;
		const draft = state.profile;
		const field = draft && nextField(deps, draft);
		if (!draft || !field) {
			state.step = 'identifier';
			return back(s);
		}
		const error = (key: Parameters<typeof t>[1]) => {
			state.flash = { kind: 'error', text: t(locale, key) };
			return back(s);
		};
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (field === 'username') {
			const username = String(body.username ?? '').trim();
			if (!USERNAME.test(username) || username.length > 128) return error('errUsernameInvalid');
			if (deps.accounts.findByUsername(username)) return error('errUsernameTaken');
			draft.username = username;
		} else if (field === 'password') {
			const password = String(body.password ?? '');
			if (password.length < 8 || password.length > 256) return error('errPasswordTooShort');
			if (password !== String(body.confirm ?? '')) return error('errPasswordsDiffer');
			draft.passwordHash = hashPassword(password);
		} else if (field === 'phone') {
			if (body.code === undefined) {
				const phone = toE164(String(body.phone ?? ''), deps.defaultRegion);
				if (!phone) return error('errInvalidPhone');
				if (deps.accounts.findByPhone(phone)) return error('errPhoneTaken');
				draft.bindPhone = phone;
				state.phone = phone;
				await sendCode(deps, s, 'profile');
				return back(s);
			}
			const phone = draft.bindPhone;
			if (!phone) return error('errNoCode');
			const result = deps.codes.verify(phone, String(body.code));
			if (!result.ok) {
				state.flash = { kind: 'error', text: codeRefused(locale, result) };
				return back(s);
			}
			if (deps.accounts.findByPhone(phone)) return error('errPhoneTaken');
			if (draft.accountId) deps.accounts.update(draft.accountId, { phone });
			else draft.phone = phone;
			delete draft.bindPhone;
		} else {
			// email, or email-or-phone for an account with neither: Logto sends an email code here.
			return error('errEmailRequired');
		}
		await continueOrFinish(deps, s, draft);
	};
}

/** What the profile page shows: the field, and for a phone, whether its code was sent. */
export function profilePage(deps: InteractionDeps, draft: ProfileDraft) {
	const field = nextField(deps, draft);
	return { field, codeSentTo: field === 'phone' && draft.bindPhone ? formatInternational(draft.bindPhone) : undefined };
}
