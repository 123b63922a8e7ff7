import { escapeHtml as e, page } from './html.js';
import { t, type Locale } from './i18n.js';

export type Flash = { kind: 'error' | 'notice'; text: string };

export type IdentifierScreen = {
	uid: string;
	locale: Locale;
	intent: 'sign_in' | 'register';
	/** Which identifiers this screen offers, from Logto's `identifier` param. */
	identifiers: Set<'phone' | 'username' | 'email'>;
	/** identifier:* first screens show only the identifier form, nothing else. */
	identifierOnly: boolean;
	signUpEnabled: boolean;
	phoneValue: string;
	usernameValue: string;
	flash?: Flash | undefined;
};

function flashBox(flash?: Flash): string {
	return flash ? `<p class="${flash.kind}" role="${flash.kind === 'error' ? 'alert' : 'status'}">${e(flash.text)}</p>` : '';
}

function cancelLink(uid: string, locale: Locale): string {
	return `<a href="/interaction/${e(uid)}/abort">${e(t(locale, 'backToApp'))}</a>`;
}

export function identifierScreen(s: IdentifierScreen) {
	const { uid, locale } = s;
	const title = t(locale, s.intent === 'register' ? 'registerTitle' : 'signInTitle');
	const parts: string[] = [`<h1>${e(title)}</h1>`, flashBox(s.flash)];
	if (s.identifiers.has('phone')) {
		parts.push(`<form method="post" action="/interaction/${e(uid)}/phone" novalidate>
<input type="hidden" name="intent" value="${e(s.intent)}">
<label for="phone">${e(t(locale, 'phoneLabel'))}</label>
<input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required value="${e(s.phoneValue)}" aria-describedby="phone-help" autofocus>
<p class="help" id="phone-help">${e(t(locale, 'phoneHelp'))}</p>
<button type="submit">${e(t(locale, 'sendCode'))}</button>
</form>`);
	}
	const passwordId = s.identifiers.has('username') ? 'username' : s.identifiers.has('email') ? 'email' : null;
	if (passwordId && s.intent === 'sign_in') {
		if (s.identifiers.has('phone')) parts.push(`<hr><p>${e(t(locale, 'orPassword'))}</p>`);
		parts.push(`<form method="post" action="/interaction/${e(uid)}/password">
<label for="username">${e(t(locale, passwordId === 'email' ? 'emailLabel' : 'usernameLabel'))}</label>
<input id="username" name="username" autocomplete="username" required value="${e(s.usernameValue)}">
<label for="password">${e(t(locale, 'passwordLabel'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${e(t(locale, 'signInButton'))}</button>
</form>`);
	}
	const links: string[] = [];
	if (!s.identifierOnly && s.signUpEnabled && s.identifiers.has('phone')) {
		links.push(
			s.intent === 'sign_in'
				? `<a href="/interaction/${e(uid)}?screen=register">${e(t(locale, 'createAccountLink'))}</a>`
				: `<a href="/interaction/${e(uid)}?screen=sign_in">${e(t(locale, 'haveAccountLink'))}</a>`,
		);
	}
	links.push(cancelLink(uid, locale));
	parts.push(`<div class="links">${links.join('')}</div>`);
	return page(locale, title, parts.join('\n'));
}

export function codeScreen(uid: string, locale: Locale, phoneDisplay: string, flash?: Flash) {
	const title = t(locale, 'codeTitle');
	return page(
		locale,
		title,
		`<h1>${e(title)}</h1>${flashBox(flash)}
<p>${e(t(locale, 'codeSentTo', { phone: phoneDisplay }))}</p>
<form method="post" action="/interaction/${e(uid)}/code">
<label for="code">${e(t(locale, 'codeLabel'))}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button type="submit">${e(t(locale, 'verify'))}</button>
</form>
<form method="post" action="/interaction/${e(uid)}/resend"><button type="submit" class="secondary">${e(t(locale, 'resend'))}</button></form>
<div class="links"><a href="/interaction/${e(uid)}?screen=sign_in">${e(t(locale, 'changePhone'))}</a>${cancelLink(uid, locale)}</div>`,
	);
}

export function confirmRegisterScreen(uid: string, locale: Locale, phoneDisplay: string) {
	const title = t(locale, 'confirmTitle');
	return page(
		locale,
		title,
		`<h1>${e(title)}</h1>
<p>${e(t(locale, 'noAccount', { phone: phoneDisplay }))}</p>
<form method="post" action="/interaction/${e(uid)}/register"><button type="submit">${e(t(locale, 'continue'))}</button></form>
<form method="get" action="/interaction/${e(uid)}"><input type="hidden" name="screen" value="sign_in"><button type="submit" class="secondary">${e(t(locale, 'cancel'))}</button></form>`,
	);
}

/** Logto's "Set username", "Set password" and "Link phone number" pages, for a missing mandatory field. */
export function profileScreen(uid: string, locale: Locale, field: 'username' | 'password' | 'phone', codeSentTo: string | undefined, flash?: Flash) {
	const action = `/interaction/${e(uid)}/profile`;
	const titleKey = field === 'username' ? 'setUsernameTitle' : field === 'password' ? 'setPasswordTitle' : 'addPhoneTitle';
	const title = t(locale, titleKey);
	let form: string;
	if (field === 'username') {
		form = `<p>${e(t(locale, 'setUsernameHelp'))}</p><form method="post" action="${action}">
<label for="username">${e(t(locale, 'usernameLabel'))}</label>
<input id="username" name="username" autocomplete="username" required autofocus>
<button type="submit">${e(t(locale, 'saveButton'))}</button></form>`;
	} else if (field === 'password') {
		form = `<p>${e(t(locale, 'setPasswordHelp'))}</p><form method="post" action="${action}">
<label for="password">${e(t(locale, 'passwordLabel'))}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus>
<label for="confirm">${e(t(locale, 'confirmPasswordLabel'))}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">${e(t(locale, 'saveButton'))}</button></form>`;
	} else if (!codeSentTo) {
		form = `<p>${e(t(locale, 'addPhoneHelp'))}</p><form method="post" action="${action}" novalidate>
<label for="phone">${e(t(locale, 'phoneLabel'))}</label>
<input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required aria-describedby="phone-help" autofocus>
<p class="help" id="phone-help">${e(t(locale, 'phoneHelp'))}</p>
<button type="submit">${e(t(locale, 'sendCode'))}</button></form>`;
	} else {
		form = `<p>${e(t(locale, 'codeSentTo', { phone: codeSentTo }))}</p><form method="post" action="${action}">
<label for="code">${e(t(locale, 'codeLabel'))}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button type="submit">${e(t(locale, 'verify'))}</button></form>`;
	}
	return page(locale, title, `<h1>${e(title)}</h1>${flashBox(flash)}${form}<div class="links">${cancelLink(uid, locale)}</div>`);
}

export function errorScreen(locale: Locale, message: string, status: number) {
	const title = t(locale, 'errorTitle');
	return page(locale, title, `<h1>${e(title)}</h1><p class="error" role="alert">${e(message)}</p>`, status);
}

/**
 * RP-initiated logout: oidc-provider's confirm form, submitted by itself as Logto's is, so
 * sign-out needs no click (a button stands in where scripts are off).
 */
export function signingOutScreen(locale: Locale, form: string) {
	const title = t(locale, 'signingOut');
	const confirm = form.replace('</form>', `<input type="hidden" name="logout" value="yes"><noscript><button type="submit">${e(t(locale, 'signOutButton'))}</button></noscript></form>`);
	return page(locale, title, `<p>${e(title)}</p>${confirm}<script>document.forms[0].submit();</script>`);
}

export function signedOutScreen(locale: Locale) {
	const title = t(locale, 'signedOut');
	return page(locale, title, `<p>${e(title)}</p>`);
}
