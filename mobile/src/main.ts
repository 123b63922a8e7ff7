import './style.css';

import { Auth, isNative } from './auth';
import { localeOf, setLocale, t } from './i18n';
import { parseConfig, type AppConfig } from './config';
import { typedPhone } from './phone-first';
import * as screens from './screens';
import { WordPressApi, WordPressError } from './wordpress-api';

const root = document.getElementById('app')!;
const show = (screen: HTMLElement) => root.replaceChildren(screen);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The app once configured: Logto's client, the site's API, and what is on screen. */
class App {
	private readonly auth: Auth;
	private readonly wp: WordPressApi;

	constructor(private readonly config: AppConfig) {
		this.auth = new Auth(config);
		this.wp = new WordPressApi(config.site, () => this.auth.apiToken());
	}

	async start(): Promise<void> {
		try {
			if (await this.auth.handleRedirect(location.href)) {
				history.replaceState(null, '', '/');
				await this.joinSite();
			}
		} catch (error) {
			return this.signedOut(message(error));
		}
		await this.render(null);
	}

	/**
	 * The app's own sign-in at the site: it finds, links or creates the WordPress account from
	 * Logto's verified claims, exactly as wp-login.php does. Refused: the tokens are forgotten.
	 */
	private async joinSite(): Promise<void> {
		const phone = this.auth.typedPhone();
		try {
			await this.wp.signIn({ access_token: await this.auth.apiToken(), userinfo_token: await this.auth.userinfoToken(), ...(phone ? { phone } : {}) });
		} catch (error) {
			await this.auth.forget();
			throw error;
		}
	}

	private async signIn(phone: string | null): Promise<void> {
		show(screens.loading(t('Opening Logto…')));
		try {
			await this.auth.signIn(phone);
			// The web page has left for Logto by now; on a device the sign-in has come back.
			if (isNative()) {
				await this.joinSite();
				await this.render(null);
			}
		} catch (error) {
			this.signedOut(message(error));
		}
	}

	private signedOut(error: string | null): void {
		show(
			screens.signedOut(this.config.site, error, {
				phone: (input) => {
					const phone = typedPhone(input);
					if (!phone) return this.signedOut(t('Enter a valid phone number with its country code, for example +1 201 555 0123.'));
					void this.signIn(phone);
				},
				other: () => void this.signIn(null),
			}),
		);
	}

	private async render(error: string | null): Promise<void> {
		if (!(await this.auth.isAuthenticated())) return this.signedOut(error);
		show(screens.loading(t('Loading…')));
		try {
			const user = await this.wp.me();
			const posts = await this.wp.posts(user.capabilities?.read_private_posts === true);
			show(
				screens.signedIn(user, posts, error, {
					comment: (post, content, status) => this.comment(post.id, content, status),
					signOut: () => void this.signOut(),
				}),
			);
		} catch (err) {
			// A token the site no longer accepts (expired session, unlinked account): sign in again.
			if (err instanceof WordPressError && err.status === 401) {
				await this.auth.forget();
				return this.signedOut(err.message);
			}
			show(screens.unavailable(message(err), { retry: () => void this.render(null), signOut: () => void this.signOut() }));
		}
	}

	private async comment(post: number, content: string, status: HTMLElement): Promise<void> {
		status.dataset.ok = '0';
		try {
			const comment = await this.wp.comment(post, content);
			status.textContent = t(comment.status === 'approved' ? 'Comment posted.' : 'Comment posted. It appears once a moderator approves it.');
			status.dataset.ok = '1';
		} catch (error) {
			status.textContent = message(error);
		}
	}

	private async signOut(): Promise<void> {
		show(screens.loading(t('Signing out…')));
		try {
			await this.auth.signOut();
		} catch (error) {
			await this.auth.forget();
			return this.signedOut(message(error));
		}
		if (isNative()) this.signedOut(null);
	}
}

async function boot(): Promise<void> {
	setLocale(localeOf(navigator.language));
	document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
	show(screens.loading(t('Loading…')));
	let config: AppConfig;
	try {
		const res = await fetch('./config.json', { cache: 'no-store' });
		if (!res.ok) throw new Error(`config.json was not found next to the app (${res.status}). See mobile/README.md.`);
		config = parseConfig(await res.json(), { native: isNative(), origin: location.origin });
	} catch (error) {
		show(screens.problem(message(error)));
		return;
	}
	await new App(config).start();
}

void boot();
