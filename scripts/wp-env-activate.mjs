#!/usr/bin/env node
// wp-env's afterStart step: activates the plugin under its real slug. `.wp-env.json` maps
// ./plugin to wp-content/plugins/logto-bridge (a "plugins" entry would mount it under its
// folder's name, `plugin`), and wp-env activates only its "plugins" entries, so this signs in as
// wp-env's admin and activates it through the REST API. Exits non-zero, saying why, on failure.
const port = Number(process.env.WP_ENV_PORT ?? 8888);
const site = `http://localhost:${port}`;
const slug = 'logto-bridge/logto-bridge';
const cookies = new Map();

async function request(path, init = {}) {
	const headers = { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
	const res = await fetch(`${site}${path}`, { ...init, headers, redirect: 'manual' });
	for (const line of res.headers.getSetCookie()) {
		const [pair] = line.split(';');
		const eq = pair.indexOf('=');
		cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
	}
	return res;
}

try {
	cookies.set('wordpress_test_cookie', 'WP%20Cookie%20check');
	const login = await request('/wp-login.php', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ log: 'admin', pwd: 'password', testcookie: '1' }).toString(),
	});
	if (login.status !== 302) throw new Error(`signing in as admin answered ${login.status}, not a redirect`);
	const nonce = await (await request('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
	const res = await request(`/wp-json/wp/v2/plugins/${slug}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-wp-nonce': nonce },
		body: JSON.stringify({ status: 'active' }),
	});
	const body = await res.json().catch(() => ({}));
	if (!res.ok) throw new Error(`activating ${slug} answered ${res.status}: ${body.message ?? 'no message'}`);
	console.log(`Logto Bridge is active as ${body.plugin} (${site}/wp-admin/admin.php?page=logto-bridge)`);
} catch (error) {
	console.error(`wp-env afterStart: ${error.message}`);
	process.exit(1);
}
