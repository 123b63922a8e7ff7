// A signed-in admin's session on a WordPress over plain HTTP (wp-env's site): a cookie jar, a
// request function, and core's REST nonce. Used by the wp-env lifecycle script and its check.

/**
 * Signs in at `site` as `username`/`password`; throws when WordPress does not redirect.
 * @param {string} site e.g. http://localhost:8888
 */
export async function adminSession(site, username = 'admin', password = 'password') {
	const cookies = new Map([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
	/** @param {string} path @param {RequestInit & { headers?: Record<string, string> }} [init] */
	const request = async (path, init = {}) => {
		const headers = { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
		const res = await fetch(`${site}${path}`, { ...init, headers, redirect: 'manual' });
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		return res;
	};
	const login = await request('/wp-login.php', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ log: username, pwd: password, testcookie: '1' }).toString(),
	});
	if (login.status !== 302) throw new Error(`signing in as ${username} answered ${login.status}, not a redirect`);
	const nonce = await (await request('/wp-admin/admin-ajax.php?action=rest-nonce')).text();
	return { request, nonce };
}
