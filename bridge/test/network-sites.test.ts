// A WordPress multisite network on one bridge: the main site reports every site (networkSites),
// and a sign-in goes back to the site it started on. The Chromium e2e is e2e/network/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { siteConfigSchema } from '../src/site-config.js';
import { networkSiteOf, signInTarget } from '../src/wordpress.js';

const site = (url: string) => ({ url, callbackUrl: `${url}wp-login.php?action=logto-callback`, errorUrl: `${url}wp-login.php` });
const network = {
	callbackUrl: 'https://net.example/wp-login.php?action=logto-callback',
	errorUrl: 'https://net.example/wp-login.php',
	networkSites: [site('https://net.example/'), site('https://net.example/b/'), site('https://net.example/blog/'), site('https://shop.net.example/')],
};

test('a return_to belongs to the site whose URL is its longest start, never a neighbour with a longer name', () => {
	assert.equal(networkSiteOf(network, 'https://net.example/b/wp-admin/'), 'https://net.example/b/');
	assert.equal(networkSiteOf(network, 'https://net.example/b'), 'https://net.example/b/');
	assert.equal(networkSiteOf(network, 'https://net.example/blog/2026/hello/'), 'https://net.example/blog/');
	assert.equal(networkSiteOf(network, 'https://net.example/bb/'), 'https://net.example/', '/bb/ is the main site’s page, not site b');
	assert.equal(networkSiteOf(network, 'https://net.example/wp-admin/'), 'https://net.example/');
	assert.equal(networkSiteOf(network, 'https://shop.net.example/cart/'), 'https://shop.net.example/');
	assert.equal(networkSiteOf(network, 'https://other.example/'), undefined);
	assert.equal(networkSiteOf({}, 'https://net.example/b/'), undefined, 'a single site has none');
});

test("the ticket and the failures go to that site's own login URL; an unknown site's to the site's own", () => {
	assert.equal(signInTarget(network, 'https://net.example/b/').callbackUrl, 'https://net.example/b/wp-login.php?action=logto-callback');
	assert.equal(signInTarget(network, 'https://net.example/b/').errorUrl, 'https://net.example/b/wp-login.php');
	// A pending sign-in naming a site the network no longer reports (removed meanwhile).
	assert.equal(signInTarget(network, 'https://net.example/gone/').callbackUrl, network.callbackUrl);
	assert.equal(signInTarget(network, undefined).errorUrl, network.errorUrl);
});

test('networkSites from WordPress is checked like the rest of its settings: URLs only', () => {
	const base = { endpoint: 'https://logto.example', appId: 'a', appSecret: 's', siteUrl: 'https://net.example/', allowedReturnOrigins: ['https://net.example'], callbackUrl: network.callbackUrl, errorUrl: network.errorUrl, restUrl: 'https://net.example/wp-json/logto-bridge/v1/' };
	assert.equal(siteConfigSchema.safeParse({ ...base, networkSites: network.networkSites }).success, true);
	assert.equal(siteConfigSchema.safeParse(base).success, true, 'a single site sends none');
	assert.equal(siteConfigSchema.safeParse({ ...base, networkSites: [{ ...site('https://net.example/b/'), callbackUrl: 'javascript:alert(1)' }] }).success, false);
});
