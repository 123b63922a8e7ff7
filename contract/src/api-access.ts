import apiAccess from '../../fixtures/api-access.json' with { type: 'json' };

/** The scopes of the site's REST API in Logto, read then write (fixtures/api-access.json). */
export const API_SCOPES = [apiAccess.scopes.read, apiAccess.scopes.write];
/** Their names, as a token's `scope` carries them. */
export const API_SCOPE_NAMES = API_SCOPES.map((s) => s.name);
/** The Logto role that grants both scopes to a user. */
export const APP_ROLE = apiAccess.appRole;
