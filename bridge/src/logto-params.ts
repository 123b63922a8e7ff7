/**
 * Logto's extra authorization params and their allowed values (Logto 1.37). One invalid
 * extra param makes Logto drop all of them, login_hint included, so each is checked here.
 * WordPress and the idp check the same: fixtures/logto-extra-params.json holds for all three.
 */
const firstScreens = new Set(['sign_in', 'register', 'reset_password', 'identifier:sign_in', 'identifier:register', 'single_sign_on']);
const identifiers = new Set(['username', 'email', 'phone']);

const validators: Record<string, (value: string) => boolean> = {
	first_screen: (v) => firstScreens.has(v),
	identifier: (v) => v.split(' ').every((part) => identifiers.has(part)) && v.trim() === v && !v.includes('  '),
	direct_sign_in: (v) => /^(social|sso):[\w.-]+$/.test(v),
	organization_id: (v) => /^[\w-]{1,64}$/.test(v),
	ui_locales: (v) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$/.test(v),
};

export const allowedExtraParams = Object.keys(validators);

/** The invalid param's name, or null when every extra param is acceptable. */
export function invalidExtraParam(params: Record<string, string>): string | null {
	for (const [name, value] of Object.entries(params)) {
		const check = validators[name];
		if (!check || !check(value)) return name;
	}
	return null;
}
