// Benchmark (not part of npm test): the REST API with a Logto access token against the same
// request authenticated by WordPress's cookie + REST nonce. GET /wp-json/wp/v2/users/me, one
// request at a time, BENCH_REQUESTS (default 300) each, interleaved per request:
// - cookie: the visitor's WordPress session, as the block editor calls the API;
// - bearer, cached: the same token again (WordPress answers from its transient);
// - bearer, uncached: a new token each time (signed with the idp's key, a fresh jti), so the
//   bridge verifies every one.
// Prints requests per second and p50/p99. Run: npm run bench:bearer (WP_RUNTIME=native for the
// production stack).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { appAccessToken } from '@logto-bridge/testkit/app-token';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';
import { importJWK, SignJWT, type JWK } from 'jose';

import { NATIVE_REDIRECT } from '../scripts/lib/app-registration.mjs';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { startBenchStack } from './wp-stack.js';

const N = Number(process.env.BENCH_REQUESTS ?? 300);
const NAME = 'bench-bearer';
const stack = await startBenchStack(NAME);

try {
	const wp = stack.wordpressUrl;
	const idp = stack.urls.idp;
	const outbox = stack.smsOutbox;
	const resource = `${wp}/wp-json`;
	const phone = '+12015550177';
	const visitor = await phoneSignUp({ wpUrl: wp, idpUrl: idp, outbox }, phone);
	const nonce = await (await visitor.browser.request(`${wp}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
	// The stack's own Native app: the one the site lists among the apps allowed to use its REST API.
	if (!stack.nativeApp) throw new Error('The mobile app is not built: run npm run build first.');
	const appId = stack.nativeApp.id;
	const token = await appAccessToken({ idpUrl: idp, outbox, clientId: appId, redirectUri: NATIVE_REDIRECT, resource }, phone, 'wp:read');
	const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; iss: string };
	const { keys } = JSON.parse(readFileSync(join(repoRoot, '.data', NAME, 'idp', 'keys.json'), 'utf8')) as { keys: Array<JWK & { kid: string; alg: string }> };
	const key = keys.find((k) => k.alg === 'ES384')!;
	const signingKey = await importJWK(key, 'ES384');
	const freshToken = () =>
		new SignJWT({ scope: 'wp:read', client_id: appId, jti: randomUUID() }).setProtectedHeader({ alg: 'ES384', kid: key.kid }).setIssuer(claims.iss).setAudience(resource).setSubject(claims.sub).setIssuedAt().setExpirationTime('10m').sign(signingKey);

	const variants: Record<string, () => Promise<Record<string, string>>> = {
		'cookie + nonce': async () => ({ cookie: visitor.browser.cookieHeader(wp), 'x-wp-nonce': nonce }),
		'bearer, cached': async () => ({ authorization: `Bearer ${token}` }),
		'bearer, uncached': async () => ({ authorization: `Bearer ${await freshToken()}` }),
	};
	const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
	for (let i = 0; i < N + 10; i++) {
		for (const [name, headers] of Object.entries(variants)) {
			const h = await headers();
			const t0 = performance.now();
			const res = await fetch(`${wp}/wp-json/wp/v2/users/me`, { headers: h });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
			if (i >= 10) times[name]!.push(performance.now() - t0);
		}
	}
	console.log(`${stack.runtime}: GET /wp-json/wp/v2/users/me, ${N} requests each, one at a time, interleaved`);
	for (const [name, samples] of Object.entries(times)) {
		const sorted = [...samples].sort((a, b) => a - b);
		const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
		console.log(`${name.padEnd(17)} ${(1000 / mean).toFixed(1)} req/s | p50 ${sorted[Math.floor(N / 2)]!.toFixed(1)} ms | p99 ${sorted[Math.floor(N * 0.99)]!.toFixed(1)} ms`);
	}
} finally {
	await stack.stop();
}
