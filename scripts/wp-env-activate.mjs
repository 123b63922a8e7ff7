#!/usr/bin/env node
// wp-env's afterStart step: activates the plugin under its real slug. `.wp-env.json` maps
// ./plugin to wp-content/plugins/logto-bridge (a "plugins" entry would mount it under its
// folder's name, `plugin`), and wp-env activates only its "plugins" entries, so this signs in as
// wp-env's admin and activates it through the REST API. Exits non-zero, saying why, on failure.
import { adminSession } from './lib/wp-admin-session.mjs';

const site = `http://localhost:${Number(process.env.WP_ENV_PORT ?? 8888)}`;
const slug = 'logto-bridge/logto-bridge';

try {
	const { request, nonce } = await adminSession(site);
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
