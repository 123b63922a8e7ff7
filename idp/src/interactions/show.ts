import { formatInternational, toE164 } from '@logto-bridge/contract';

import { parseLogtoParams, type IdentifierType } from '../logto-params.js';
import { finish, type InteractionDeps, type Step } from './context.js';
import { t } from './i18n.js';
import { profilePage } from './profile.js';
import { codeScreen, confirmRegisterScreen, errorScreen, identifierScreen, profileScreen } from './screens.js';

/** GET /interaction/:uid: what oidc-provider asks for next, by its prompt, as its example does. */
export function show(deps: InteractionDeps) {
	return async (s: Step) => {
		switch (s.interaction.prompt.name) {
			case 'consent':
				return grantConsent(deps, s);
			case 'login':
			default:
				return loginScreen(deps, s);
		}
	};
}

/** Every client here is first-party, as a Logto app is: consent is granted, not asked. */
async function grantConsent(deps: InteractionDeps, s: Step) {
	const { provider } = deps;
	const { interaction } = s;
	const grant = interaction.grantId
		? await provider.Grant.find(interaction.grantId)
		: new provider.Grant({ accountId: interaction.session?.accountId as string, clientId: interaction.params.client_id as string });
	if (!grant) throw new Error('grant not found');
	const missing = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
	if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
	if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
	// As Logto: an API resource's scopes only as far as the user's roles grant them.
	const accountId = interaction.session?.accountId as string;
	for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
		const allowed = new Set(deps.resourceScopes(indicator, accountId));
		const [granted, refused] = [scopes.filter((s) => allowed.has(s)), scopes.filter((s) => !allowed.has(s))];
		if (granted.length) grant.addResourceScope(indicator, granted.join(' '));
		// Refused, not left missing: the token is issued without them, as Logto does.
		if (refused.length) grant.rejectResourceScope(indicator, refused.join(' '));
	}
	const grantId = await grant.save();
	await finish(deps, s, { consent: interaction.grantId ? {} : { grantId } }, true);
}

/** The sign-in screens: identifier (phone, username), code, or "create a new account?". */
function loginScreen(deps: InteractionDeps, { req, res, interaction, state, locale }: Step) {
	const { uid, params } = interaction;
	const signUpEnabled = deps.signUpEnabled();
	const logto = parseLogtoParams(params);
	if (typeof logto === 'string') {
		const { status, html } = errorScreen(locale, t(locale, 'errInvalidParam', { detail: logto }), 400);
		res.status(status).type('html').send(html);
		return;
	}
	const firstScreen = logto.firstScreen ?? 'sign_in';
	if (req.query.screen === 'sign_in' || req.query.screen === 'register') {
		state.step = 'identifier';
		state.intent = req.query.screen === 'register' && signUpEnabled ? 'register' : 'sign_in';
	} else if (!state.phone && state.step === 'identifier' && !state.flash) {
		state.intent = firstScreen.endsWith('register') && signUpEnabled ? 'register' : 'sign_in';
	}
	const flash = state.flash;
	delete state.flash;
	const asked = state.step === 'profile' && state.profile ? profilePage(deps, state.profile) : undefined;
	let page;
	if (state.step === 'code' && state.phone) {
		page = codeScreen(uid, locale, formatInternational(state.phone), flash);
	} else if (state.step === 'confirm' && state.verifiedPhone) {
		page = confirmRegisterScreen(uid, locale, formatInternational(state.verifiedPhone));
	} else if (asked?.field) {
		const { field, codeSentTo } = asked;
		page = field === 'username' || field === 'password' || field === 'phone' ? profileScreen(uid, locale, field, codeSentTo, flash) : errorScreen(locale, t(locale, 'errEmailRequired'), 400);
	} else {
		const hint = typeof params.login_hint === 'string' ? params.login_hint : '';
		const hintPhone = hint ? toE164(hint, deps.defaultRegion) : null;
		// Logto's `identifier` param narrows what the sign-in experience offers; it never adds to it.
		const offered = deps.signInIdentifiers();
		const identifiers = new Set<IdentifierType>((logto.identifiers ?? ['phone', 'username', 'email']).filter((i) => offered.has(i)));
		page = identifierScreen({
			uid,
			locale,
			intent: state.intent,
			identifiers,
			identifierOnly: firstScreen.startsWith('identifier:'),
			signUpEnabled,
			phoneValue: state.phone ?? hintPhone ?? '',
			usernameValue: state.username ?? (hint && !hintPhone ? hint : ''),
			flash,
		});
	}
	res.status(page.status).type('html').send(page.html);
}
