// One bridge serving several independent WordPress sites (BRIDGE_SITES_FILE): each site signs in
// through its own path, Logto app and secret, and no site can read, redeem or end another's.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { appRegistration, WP_REST_NAMESPACE } from '@logto-bridge/contract';
import { BINDING, Browser, errorOf, freePorts, redeem, signInByPhoneAt, signInUrl, startIdp, startStandInWordPress, ticketOf, type RunningIdp } from '@logto-bridge/testkit';

import { loadConfig } from '../src/config.js';
import { createSitesApp } from '../src/sites-app.js';
import { siteConfigs } from '../src/sites.js';
import { RedisStore } from '../src/stores/redis-store.js';
import { siteStore } from '../src/stores/site-store.js';
import { signLogoutToken } from './support/logout-token.js';
import { startRedisServer } from './support/redis-server.js';

const SITES = [
	{ id: 'alpha', secret: 'alpha-site-shared-secret-0123456789abcdef', app: { id: 'wp-alpha', secret: 'alpha-app-secret-0123456789abcdef' } },
	{ id: 'beta', secret: 'beta-site-shared-secret-0123456789abcdefgh', app: { id: 'wp-beta', secret: 'beta-app-secret-0123456789abcdefgh' } },
];
type Site = { bridge: string; wp: Awaited<ReturnType<typeof startStandInWordPress>>; secret: string; app: { id: string } };
const sites: Record<string, Site> = {};
let idp: RunningIdp;
let server: Server;
let stopApp: () => Promise<void>;

before(async () => {
	// Bound together, so that the bridge, the idp and the sites never get the same port.
	const [bridgePort, idpPort, ...sitePorts] = await freePorts(2 + SITES.length);
	const base = `http://127.0.0.1:${bridgePort}`;
	const dir = mkdtempSync(join(tmpdir(), 'many-sites-'));
	const clientsFile = join(dir, 'clients.json');
	writeFileSync(clientsFile, JSON.stringify(SITES.map((s) => appRegistration({ id: s.app.id, secret: s.app.secret, bridgeUrl: `${base}/sites/${s.id}` }))));
	idp = await startIdp({ IDP_CLIENTS_FILE: clientsFile, IDP_PORT: String(idpPort) });
	const entries = [];
	for (const [i, s] of SITES.entries()) {
		const port = sitePorts[i]!;
		const wpUrl = `http://127.0.0.1:${port}`;
		const site = () => ({
			endpoint: idp.url,
			appId: s.app.id,
			appSecret: s.app.secret,
			scopes: 'openid profile email phone roles',
			extraParams: {},
			siteUrl: `${wpUrl}/`,
			allowedReturnOrigins: [wpUrl],
			callbackUrl: `${wpUrl}/wp-login.php?action=logto-callback`,
			errorUrl: `${wpUrl}/wp-login.php`,
			restUrl: `${wpUrl}/wp-json/${WP_REST_NAMESPACE}/`,
		});
		const wp = await startStandInWordPress(port, site, undefined, s.secret);
		sites[s.id] = { bridge: `${base}/sites/${s.id}`, wp, secret: s.secret, app: s.app };
		entries.push({ id: s.id, wpUrl, sharedSecret: s.secret });
	}
	const sitesFile = join(dir, 'sites.json');
	writeFileSync(sitesFile, JSON.stringify({ sites: entries }));
	const config = loadConfig({ BRIDGE_PUBLIC_URL: base, BRIDGE_SITES_FILE: sitesFile, BRIDGE_DATA_DIR: join(dir, 'bridge'), LOG_LEVEL: 'silent', SIGN_IN_RATE_LIMIT: '6' });
	const { app, sites: apps, store } = createSitesApp(siteConfigs(config));
	server = await new Promise((resolve) => {
		const s = app.listen(bridgePort!, '127.0.0.1', () => resolve(s));
	});
	stopApp = async () => {
		for (const { ctx } of apps.values()) ctx.oidc.close();
		await store.close();
	};
});

after(async () => {
	server.closeAllConnections();
	await new Promise((r) => server.close(r));
	await stopApp();
	for (const s of Object.values(sites)) await s.wp.stop();
	await idp.stop();
});

const signIn = (site: Site, phone: string) => signInByPhoneAt({ bridge: site.bridge, wp: site.wp.url, idp }, new Browser(), phone, `${site.wp.url}/`);

test('each site signs in through its own path and Logto app, and lands on its own WordPress', async () => {
	for (const [i, site] of Object.values(sites).entries()) {
		const landed = await signIn(site, `+120155501${String(i).padStart(2, '0')}`);
		assert.ok(landed.startsWith(`${site.wp.url}/wp-login.php?action=logto-callback`), landed);
		const answer = await redeem(site.bridge, ticketOf(landed)!, 'valid', site.secret);
		assert.equal(answer.status, 200);
		assert.equal(((await answer.json()) as { claims: { aud: string } }).claims.aud, site.app.id, "the site's own Logto app");
	}
});

test("a site cannot redeem another site's ticket, with its own secret or the other's; the ticket stays the owner's", async () => {
	const { alpha, beta } = sites as { alpha: Site; beta: Site };
	const ticket = ticketOf(await signIn(alpha, '+12015550110'))!;
	assert.equal((await redeem(beta.bridge, ticket, 'valid', beta.secret)).status, 410, "beta's store has no alpha ticket");
	assert.equal((await redeem(alpha.bridge, ticket, 'valid', beta.secret)).status, 401, "beta's secret does not sign for alpha");
	assert.equal((await redeem(alpha.bridge, ticket, 'valid', alpha.secret)).status, 200, 'untouched: alpha redeems it once');
});

test("a sign-in started on one site cannot finish on another's callback", async () => {
	const { alpha, beta } = sites as { alpha: Site; beta: Site };
	const browser = new Browser();
	const start = await browser.request(signInUrl(alpha.bridge, { returnTo: `${alpha.wp.url}/` }));
	const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
	const answer = await browser.follow(`${beta.bridge}/callback?code=x&state=${state}&iss=${encodeURIComponent(`${idp.url}/oidc`)}`, (u) => u.includes('/wp-login.php'));
	assert.ok(answer.url.startsWith(`${beta.wp.url}/wp-login.php`), answer.url);
	assert.equal(errorOf(answer.url), 'state_mismatch');
});

test("Logto's back-channel logout for one site's app ends nothing on another site", async () => {
	const { alpha, beta } = sites as { alpha: Site; beta: Site };
	const post = (site: Site, token: string) => fetch(`${site.bridge}/backchannel-logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ logout_token: token }).toString() });
	const token = await signLogoutToken(idp, { claims: { aud: alpha.app.id } });
	assert.equal((await post(beta, token)).status, 400, "beta refuses a token for alpha's app");
	assert.equal(beta.wp.logouts.length, 0);
	assert.equal((await post(alpha, token)).status, 200);
	assert.equal(alpha.wp.logouts.length, 1, "alpha's WordPress ends the session");
});

test("rate limits are each site's own, and an unknown site is a 404", async () => {
	const { alpha, beta } = sites as { alpha: Site; beta: Site };
	const start = (site: Site) => fetch(signInUrl(site.bridge, { binding: BINDING }), { redirect: 'manual' });
	let refused = 0;
	for (let i = 0; i < 8 && !refused; i++) if ((await start(alpha)).status === 429) refused = i + 1;
	assert.ok(refused > 0, 'alpha is refused past its limit');
	assert.equal((await start(beta)).status, 303, "beta's visitors are not refused for alpha's");
	const unknown = await fetch(`${alpha.bridge.replace('/alpha', '/gamma')}/sign-in`, { redirect: 'manual' });
	assert.equal(unknown.status, 404);
});

test('one Redis for several sites: each site reads and takes only its own keys, and closing a site leaves the connection open', async () => {
	const redis = await startRedisServer();
	const shared = new RedisStore(redis.url);
	try {
		const [alpha, beta] = [siteStore(shared, 'alpha'), siteStore(shared, 'beta')];
		await alpha.set('ticket:t', 'alpha-claims', 60);
		assert.equal(await beta.get('ticket:t'), undefined);
		assert.equal(await beta.take('ticket:t'), undefined);
		assert.equal((await beta.increment('rate:1.2.3.4', 60)).count, 1, "beta's counter is its own");
		assert.equal((await alpha.increment('rate:1.2.3.4', 60)).count, 1);
		await beta.close();
		assert.equal(await alpha.take('ticket:t'), 'alpha-claims', 'still connected after a site closed');
	} finally {
		await shared.close();
		redis.stop();
	}
});

test('BRIDGE_SITES_FILE is refused with the reason: a secret shared by two sites, an id twice, an id unfit for a URL, WP_URL beside it', () => {
	const base = loadConfig({ BRIDGE_PUBLIC_URL: 'https://bridge.example', BRIDGE_SITES_FILE: '/etc/logto-bridge/sites.json' });
	const entry = (id: string, secret: string) => ({ id, wpUrl: `https://${id}.example`, sharedSecret: secret });
	const refused = (sites: unknown) => assert.throws(() => siteConfigs(base, () => JSON.stringify({ sites })));
	const a = 'a'.repeat(32);
	const b = 'b'.repeat(32);
	assert.throws(() => siteConfigs(base, () => JSON.stringify({ sites: [entry('one', a), entry('two', a)] })), /two sites the same sharedSecret/);
	assert.throws(() => siteConfigs(base, () => JSON.stringify({ sites: [entry('one', a), entry('one', b)] })), /names site "one" twice/);
	assert.throws(() => siteConfigs(base, () => JSON.stringify({ sites: [entry('One/x', a)] })), /sites\.0\.id must be 1 to 40 lower-case/);
	assert.throws(() => siteConfigs(base, () => '{'), /cannot be read as JSON/);
	refused([]);
	refused([{ ...entry('one', a), wpUrl: 'http://blog.example' }]);
	refused([entry('one', 'short')]);
	assert.throws(() => loadConfig({ BRIDGE_PUBLIC_URL: 'https://bridge.example', BRIDGE_SITES_FILE: '/x.json', WP_URL: 'https://a.example' }), /go in it, not beside it/);
	assert.throws(() => loadConfig({ BRIDGE_PUBLIC_URL: 'https://bridge.example' }), /WP_URL is required/);
	const [one] = siteConfigs(base, () => JSON.stringify({ sites: [entry('one', a)] }));
	assert.equal(one!.publicUrl, 'https://bridge.example/sites/one');
	assert.equal(one!.sharedSecret, a);
});
