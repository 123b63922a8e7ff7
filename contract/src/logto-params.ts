import extraParams from '../../fixtures/logto-extra-params.json' with { type: 'json' };

/**
 * Logto's extra authorization params and the values Logto 1.37 accepts, written once in
 * fixtures/logto-extra-params.json. One invalid extra param makes Logto drop all of them,
 * login_hint included, so WordPress refuses them on save, the bridge before sending and the
 * idp on arrival.
 */
export type ExtraParamName = keyof typeof extraParams.patterns;

export const EXTRA_PARAM_NAMES = Object.keys(extraParams.patterns) as ExtraParamName[];

const patterns = Object.fromEntries(Object.entries(extraParams.patterns).map(([name, source]) => [name, new RegExp(source)])) as Record<ExtraParamName, RegExp>;

export const isExtraParamName = (name: string): name is ExtraParamName => Object.hasOwn(patterns, name);

/** Whether Logto accepts this value for this extra param. */
export const isValidExtraParam = (name: string, value: string): boolean => isExtraParamName(name) && patterns[name].test(value);

/** The invalid param's name, or null when every extra param is acceptable. */
export function invalidExtraParam(params: Record<string, string>): string | null {
	for (const [name, value] of Object.entries(params)) if (!isValidExtraParam(name, value)) return name;
	return null;
}

/** `first_screen`'s values and `identifier`'s parts, as Logto names them. */
export const FIRST_SCREENS = ['sign_in', 'register', 'identifier:sign_in', 'identifier:register', 'reset_password', 'single_sign_on'] as const;
export type FirstScreen = (typeof FIRST_SCREENS)[number];
export const IDENTIFIER_TYPES = ['username', 'email', 'phone'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
