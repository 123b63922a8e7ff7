/**
 * Logto's extra authorization parameters and their allowed values (Logto 1.37). Logto itself
 * drops every extra param when one is invalid; we refuse the request with a clear page instead.
 * WordPress and the bridge check the same: fixtures/logto-extra-params.json holds for all three.
 */
export const firstScreens = ['sign_in', 'register', 'reset_password', 'identifier:sign_in', 'identifier:register', 'single_sign_on'] as const;
export type FirstScreen = (typeof firstScreens)[number];
export const identifierTypes = ['username', 'email', 'phone'] as const;
export type IdentifierType = (typeof identifierTypes)[number];

export type LogtoParams = { firstScreen: FirstScreen | undefined; identifiers: IdentifierType[] | undefined };

/** Parses the Logto params of an authorization request; a string result names the problem. */
export function parseLogtoParams(query: Record<string, unknown>): LogtoParams | string {
	const single = (name: string): string | undefined | false => {
		const value = query[name];
		if (value === undefined) return undefined;
		return typeof value === 'string' ? value : false;
	};
	const firstScreen = single('first_screen');
	if (firstScreen === false || (firstScreen !== undefined && !(firstScreens as readonly string[]).includes(firstScreen))) {
		return `first_screen must be one of ${firstScreens.join(', ')}`;
	}
	const identifier = single('identifier');
	let identifiers: IdentifierType[] | undefined;
	if (identifier !== undefined) {
		// Split on single spaces, as Logto does: an empty part (a double or edge space) is invalid.
		const list = identifier === false ? [] : identifier.split(' ');
		if (!list.length || list.some((v) => !(identifierTypes as readonly string[]).includes(v))) {
			return `identifier must be a space-separated list of ${identifierTypes.join(', ')}`;
		}
		identifiers = list as IdentifierType[];
	}
	const direct = single('direct_sign_in');
	if (direct === false || (direct !== undefined && !/^(social|sso):[\w.-]+$/.test(direct))) {
		return 'direct_sign_in must be social:<target> or sso:<connectorId>';
	}
	const org = single('organization_id');
	if (org === false || (org !== undefined && !/^[\w-]{1,64}$/.test(org))) {
		return 'organization_id is not a valid organization ID';
	}
	return { firstScreen: (firstScreen || undefined) as FirstScreen | undefined, identifiers };
}

export const logtoExtraParams = ['first_screen', 'identifier', 'direct_sign_in', 'organization_id'] as const;
