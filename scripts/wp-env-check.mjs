#!/usr/bin/env node
// Checks a running `npx wp-env start --runtime=playground`: the plugin is active under its real
// slug (logto-bridge/logto-bridge) and Logto > Settings opens for wp-env's admin. CI runs it.
import { adminSession } from './lib/wp-admin-session.mjs';

const site = `http://localhost:${Number(process.env.WP_ENV_PORT ?? 8888)}`;

try {
	const { request, nonce } = await adminSession(site);
	const plugins = await (await request('/wp-json/wp/v2/plugins', { headers: { 'x-wp-nonce': nonce } })).json();
	const ours = Array.isArray(plugins) ? plugins.find((p) => p.plugin === 'logto-bridge/logto-bridge') : undefined;
	if (ours?.status !== 'active') throw new Error(`logto-bridge/logto-bridge is ${ours ? ours.status : 'not installed under that slug'}`);
	const settings = await request('/wp-admin/admin.php?page=logto-bridge');
	const html = await settings.text();
	if (settings.status !== 200 || !html.includes('id="logto-bridge-settings"')) throw new Error(`Logto > Settings answered ${settings.status} without the settings app`);
	console.log('wp-env: logto-bridge/logto-bridge is active and Logto > Settings opens');
} catch (error) {
	console.error(`wp-env check failed: ${error.message}`);
	process.exit(1);
}
