import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { APP, type RunningIdp } from '@logto-bridge/testkit';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';

export type LogoutTokenChange = { claims?: JWTPayload; drop?: string[]; iat?: number; key?: CryptoKey };

/** A logout token as Logto sends it (ES384, typ logout+jwt, no exp), signed with the idp's own key, with `change` applied. */
export async function signLogoutToken(idp: RunningIdp, change: LogoutTokenChange = {}) {
	const { keys } = JSON.parse(readFileSync(join(idp.config.dataDir, 'keys.json'), 'utf8')) as { keys: Array<JWK & { kid: string }> };
	const jwk = keys.find((k) => k.alg === 'ES384')!;
	const claims: JWTPayload = {
		iss: `${idp.url}/oidc`,
		aud: APP.id,
		sub: 'user-1',
		sid: `sid-${Math.random()}`,
		jti: `jti-${Math.random()}`,
		events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
		...change.claims,
	};
	for (const name of change.drop ?? []) delete claims[name];
	return new SignJWT(claims)
		.setProtectedHeader({ alg: 'ES384', typ: 'logout+jwt', kid: jwk.kid })
		.setIssuedAt(change.iat ?? Math.floor(Date.now() / 1000))
		.sign(change.key ?? (await importJWK(jwk, 'ES384')));
}
