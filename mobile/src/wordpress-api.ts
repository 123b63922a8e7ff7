import { WP_REST_NAMESPACE, WP_REST_ROUTES } from '@logto-bridge/contract/wordpress-rest';

import { t } from './i18n';

/** A refusal from WordPress: its status, error code and message (shown as is). */
export class WordPressError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export type WpUser = { id: number; name: string; slug: string; capabilities?: Record<string, boolean> };
export type WpPost = { id: number; status: string; link: string; title: { rendered: string }; excerpt: { rendered: string } };
export type WpComment = { id: number; author: number; status: string };

/**
 * The WordPress REST API as the signed-in user: every request carries the Logto access token
 * (`Authorization: Bearer`), which the site verifies. No cookies, no nonce.
 */
export class WordPressApi {
	constructor(
		private readonly site: string,
		private readonly token: () => Promise<string>,
	) {}

	/** The app's own sign-in: the site finds, links or creates the account, as on wp-login.php. */
	async signIn(tokens: { access_token: string; userinfo_token: string; phone?: string }): Promise<{ id: number; name: string }> {
		return this.request(`/${WP_REST_NAMESPACE}/${WP_REST_ROUTES.appSignIn}`, { method: 'POST', body: tokens, bearer: false });
	}

	/** The user, with capabilities (their own record in the edit context). */
	me(): Promise<WpUser> {
		return this.request('/wp/v2/users/me?context=edit');
	}

	/** The latest posts; private (members-only) ones too when the user may read them. */
	posts(includePrivate: boolean): Promise<WpPost[]> {
		return this.request(`/wp/v2/posts?per_page=10&_fields=id,status,link,title,excerpt${includePrivate ? '&status=publish,private' : ''}`);
	}

	comment(post: number, content: string): Promise<WpComment> {
		return this.request('/wp/v2/comments', { method: 'POST', body: { post, content } });
	}

	private async request<T>(route: string, { method = 'GET', body, bearer = true }: { method?: string; body?: unknown; bearer?: boolean } = {}): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (bearer) headers.authorization = `Bearer ${await this.token()}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let res: Response;
		try {
			res = await fetch(`${this.site}/wp-json${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		} catch {
			throw new WordPressError(0, 'unreachable', t('The site cannot be reached. Check your connection and try again.'));
		}
		const data = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
		if (!res.ok || data === null) {
			throw new WordPressError(res.status, data?.code ?? 'error', data?.message ?? t('The site answered {status}.', { status: res.status }));
		}
		return data;
	}
}
