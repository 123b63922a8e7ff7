import { h, htmlText } from './dom';
import { t } from './i18n';
import type { WpPost, WpUser } from './wordpress-api';

export type SignedOutHandlers = { phone: (input: string) => void; other: () => void };
export type SignedInHandlers = { comment: (post: WpPost, content: string, status: HTMLElement) => Promise<void>; signOut: () => void };

/** A message the screen reader announces. */
const alert = (message: string | null) => (message ? h('p', { role: 'alert', class: 'error' }, message) : null);

export function loading(what: string): HTMLElement {
	return h('main', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, what));
}

/** Sign-in: a phone number first, or any other way Logto offers. */
export function signedOut(site: string, error: string | null, on: SignedOutHandlers): HTMLElement {
	const input = h('input', { id: 'phone', name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', placeholder: '+1 201 555 0123', required: true });
	const form = h(
		'form',
		{
			onsubmit: (e: Event) => {
				e.preventDefault();
				on.phone(input.value);
			},
		},
		h('label', { for: 'phone' }, t('Phone number')),
		input,
		h('p', { class: 'muted' }, t('With its country code. We text you a code.')),
		h('button', { type: 'submit' }, t('Send me a code')),
	);
	return h(
		'main',
		{},
		h('h1', {}, t('Sign in')),
		h('p', { class: 'muted' }, t('to {site}', { site: new URL(site).host })),
		alert(error),
		form,
		h('button', { type: 'button', class: 'secondary', onclick: () => on.other() }, t('Sign in another way')),
	);
}

/** Signed in: who WordPress says you are, the latest posts with a comment box each, sign-out. */
export function signedIn(user: WpUser, posts: WpPost[], error: string | null, on: SignedInHandlers): HTMLElement {
	return h(
		'main',
		{},
		h('h1', {}, 'WordPress'),
		alert(error),
		h('section', { 'aria-label': 'You' }, h('p', {}, t('Signed in as '), h('strong', { 'data-testid': 'user-name' }, user.name)), h('p', { class: 'muted', 'data-testid': 'user-id' }, t('User #{id}', { id: user.id }))),
		h('h2', {}, t('Latest posts')),
		posts.length === 0 ? h('p', { class: 'muted' }, t('No posts yet.')) : h('ul', { class: 'posts' }, ...posts.map((post) => postItem(post, on))),
		h('button', { type: 'button', class: 'secondary', onclick: () => on.signOut() }, t('Sign out')),
	);
}

function postItem(post: WpPost, on: SignedInHandlers): HTMLElement {
	const title = htmlText(post.title.rendered) || t('(no title)');
	const box = h('textarea', { name: 'comment', rows: '2', required: true, 'aria-label': t('Comment on {title}', { title }) });
	const status = h('p', { role: 'status', class: 'muted' });
	const button = h('button', { type: 'submit' }, t('Post comment'));
	const form = h(
		'form',
		{
			onsubmit: async (e: Event) => {
				e.preventDefault();
				button.disabled = true;
				await on.comment(post, box.value, status);
				box.value = status.dataset.ok === '1' ? '' : box.value;
				button.disabled = false;
			},
		},
		box,
		button,
		status,
	);
	return h(
		'li',
		{ 'aria-label': title },
		h('h3', {}, title, post.status === 'private' ? h('span', { class: 'badge' }, t('Members only')) : null),
		h('p', {}, htmlText(post.excerpt.rendered)),
		form,
	);
}

/** The app cannot start (no or a wrong config.json). */
export function problem(text: string): HTMLElement {
	return h('main', {}, h('h1', {}, t('The app is not set up')), alert(text));
}

/** Signed in, but the site did not answer: try again, or sign out. */
export function unavailable(text: string, on: { retry: () => void; signOut: () => void }): HTMLElement {
	return h(
		'main',
		{},
		h('h1', {}, 'WordPress'),
		alert(text),
		h('button', { type: 'button', onclick: () => on.retry() }, t('Try again')),
		h('button', { type: 'button', class: 'secondary', onclick: () => on.signOut() }, t('Sign out')),
	);
}
