// No imports: the bridge, the idp, the benchmarks and the end-to-end tests all drive pages with it.

/**
 * A minimal browser: a cookie jar and manual redirects, so tests drive the real pages over
 * HTTP and can stop at any hop.
 */
export class Browser {
	private readonly cookies = new Map<string, string>();

	/** The Cookie header this jar sends to a URL's host. */
	cookieHeader(url: string): string {
		const host = new URL(url).hostname;
		return [...this.cookies].filter(([k]) => k.startsWith(`${host}|`)).map(([k, v]) => `${k.split('|')[1]}=${v}`).join('; ');
	}

	async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const headers: Record<string, string> = {};
		// Like a browser, cookies are per host name, not per port.
		const host = new URL(url).hostname;
		const jar = this.cookieHeader(url);
		if (jar) headers.cookie = jar;
		let body: string | undefined;
		if (init.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(init.form).toString();
		}
		const method = init.method ?? (init.form ? 'POST' : 'GET');
		const send = () => fetch(url, { method, headers, body, redirect: 'manual' });
		// Like a browser, a GET on a kept-alive connection the server has since closed is sent again.
		const res = await send().catch((error: { cause?: { code?: string } }) => {
			if (method === 'GET' && error.cause?.code === 'UND_ERR_SOCKET') return send();
			throw error;
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(`${host}|${name}`);
			else this.cookies.set(`${host}|${name}`, value);
		}
		return res;
	}

	/** Follows redirects until one leaves for a URL the predicate accepts (returned, not fetched) or a page answers. */
	async follow(url: string, stopAt: (url: string) => boolean = () => false, init: { form?: Record<string, string> } = {}) {
		let current = url;
		let res = await this.request(current, init);
		for (let hops = 0; hops < 20; hops++) {
			const location = res.headers.get('location');
			if (res.status < 300 || res.status >= 400 || !location) {
				return { url: current, status: res.status, html: await res.text() };
			}
			current = new URL(location, current).href;
			if (stopAt(current)) return { url: current, status: res.status, html: '' };
			res = await this.request(current);
		}
		throw new Error('too many redirects');
	}
}

