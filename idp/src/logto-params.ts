import { FIRST_SCREENS, IDENTIFIER_TYPES, isValidExtraParam, type FirstScreen, type IdentifierType } from '@logto-bridge/contract';

/**
 * The Logto params of an authorization request, checked with Logto 1.37's rules (written once
 * in contract/src/logto-params.ts). Logto itself drops every extra param when one is invalid;
 * the idp refuses the request with a clear page instead.
 */
export type { FirstScreen, IdentifierType };

export type LogtoParams = { firstScreen: FirstScreen | undefined; identifiers: IdentifierType[] | undefined };

/** Parses the Logto params of an authorization request; a string result names the problem. */
export function parseLogtoParams(query: Record<string, unknown>): LogtoParams | string {
	const single = (name: string): string | undefined | false => {
		const value = query[name];
		if (value === undefined) return undefined;
		return typeof value === 'string' ? value : false;
	};
	const firstScreen = single('first_screen');
	if (firstScreen === false || (firstScreen !== undefined && !isValidExtraParam('first_screen', firstScreen))) {
		return `first_screen must be one of ${FIRST_SCREENS.join(', ')}`;
	}
	const identifier = single('identifier');
	let identifiers: IdentifierType[] | undefined;
	if (identifier !== undefined) {
		// Single spaces, as Logto splits: an empty part (a double or edge space) is invalid.
		if (identifier === false || !isValidExtraParam('identifier', identifier)) {
			return `identifier must be a space-separated list of ${IDENTIFIER_TYPES.join(', ')}`;
		}
		identifiers = identifier.split(' ') as IdentifierType[];
	}
	const direct = single('direct_sign_in');
	if (direct === false || (direct !== undefined && !isValidExtraParam('direct_sign_in', direct))) {
		return 'direct_sign_in must be social:<target> or sso:<connectorId>';
	}
	const org = single('organization_id');
	if (org === false || (org !== undefined && !isValidExtraParam('organization_id', org))) {
		return 'organization_id is not a valid organization ID';
	}
	return { firstScreen: (firstScreen || undefined) as FirstScreen | undefined, identifiers };
}

/** The extra params the idp's provider reads (ui_locales is a standard OIDC parameter). */
export const logtoExtraParams = ['first_screen', 'identifier', 'direct_sign_in', 'organization_id'] as const;
