import { back, type InteractionDeps, type Step } from './context.js';
import { t } from './i18n.js';
import { continueOrFinish } from './profile.js';

/** POST /interaction/:uid/password: username (or email) and password. */
export function submitPassword(deps: InteractionDeps) {
	return async (s: Step) => {
		const { req, state, locale } = s;
		const username = String(req.body?.username ?? '').trim();
		const user = deps.accounts.authenticate(username, String(req.body?.password ?? ''));
		if (!user) {
			state.step = 'identifier';
			state.username = username;
			state.flash = { kind: 'error', text: t(locale, 'errWrongPassword') };
			return back(s);
		}
		await continueOrFinish(deps, s, { accountId: user.id });
	};
}
