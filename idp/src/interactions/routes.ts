import express, { type Request, type Response } from 'express';
import type Provider from 'oidc-provider';

import type { Accounts } from '../accounts.js';
import { parseLogtoParams, type IdentifierType } from '../logto-params.js';
import { formatInternational, maskPhone, toE164 } from '../phone.js';
import { SmsDeliveryError, type SmsConnector, type UsageType } from '../sms/index.js';
import type { VerificationCodes } from '../verification-codes.js';
import { pickLocale, t, type Locale } from './i18n.js';
import { codeScreen, confirmRegisterScreen, errorScreen, identifierScreen, type Flash } from './screens.js';

type Step = 'identifier' | 'code' | 'confirm';
type InteractionState = {
	step: Step;
	intent: 'sign_in' | 'register';
	phone?: string;
	verifiedPhone?: string;
	username?: string;
	flash?: Flash;
	touchedAt: number;
};

export type InteractionDeps = {
	provider: Provider;
	accounts: Accounts;
	codes: VerificationCodes;
	sms: SmsConnector;
	signUpEnabled: boolean;
	defaultRegion: string;
};

const STATE_TTL_MS = 60 * 60_000;

/** Sign-in and sign-up pages and handlers for oidc-provider interactions (Logto's flow, server-rendered). */
export default function interactions({ provider, accounts, codes, sms, signUpEnabled, defaultRegion }: InteractionDeps) {
	const router = express.Router();
	const states = new Map<string, InteractionState>();
	const body = express.urlencoded({ extended: false, limit: '10kb' });

	function stateFor(uid: string): InteractionState {
		const now = Date.now();
		for (const [key, s] of states) if (now - s.touchedAt > STATE_TTL_MS) states.delete(key);
		let state = states.get(uid);
		if (!state) {
			state = { step: 'identifier', intent: 'sign_in', touchedAt: now };
			states.set(uid, state);
		}
		state.touchedAt = now;
		return state;
	}

	async function details(req: Request, res: Response) {
		try {
			return await provider.interactionDetails(req, res);
		} catch {
			const locale = pickLocale(req.query.ui_locales);
			const { status, html } = errorScreen(locale, t(locale, 'errSessionExpired'), 400);
			res.status(status).type('html').send(html);
			return undefined;
		}
	}

	const localeOf = (params: Record<string, unknown>): Locale => pickLocale(params.ui_locales);
	const back = (res: Response, uid: string) => res.redirect(303, `/interaction/${encodeURIComponent(uid)}`);

	async function finishLogin(req: Request, res: Response, accountId: string) {
		states.delete(req.params.uid as string);
		await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
	}

	router.get('/interaction/:uid', async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const { uid, prompt, params } = interaction;
		if (prompt.name === 'consent') {
			// Every client here is first-party, as a Logto app is: consent is granted, not asked.
			const { session } = interaction;
			const grant = interaction.grantId
				? await provider.Grant.find(interaction.grantId)
				: new provider.Grant({ accountId: session?.accountId as string, clientId: params.client_id as string });
			if (!grant) throw new Error('grant not found');
			const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
			if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
			if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
			for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
			const grantId = await grant.save();
			await provider.interactionFinished(req, res, { consent: interaction.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
			return;
		}
		const locale = localeOf(params);
		const logto = parseLogtoParams(params);
		if (typeof logto === 'string') {
			const { status, html } = errorScreen(locale, t(locale, 'errInvalidParam', { detail: logto }), 400);
			res.status(status).type('html').send(html);
			return;
		}
		const state = stateFor(uid);
		const firstScreen = logto.firstScreen ?? 'sign_in';
		if (req.query.screen === 'sign_in' || req.query.screen === 'register') {
			state.step = 'identifier';
			state.intent = req.query.screen === 'register' && signUpEnabled ? 'register' : 'sign_in';
		} else if (!states.get(uid)?.phone && state.step === 'identifier' && !state.flash) {
			state.intent = firstScreen.endsWith('register') && signUpEnabled ? 'register' : 'sign_in';
		}
		const flash = state.flash;
		delete state.flash;
		let page;
		if (state.step === 'code' && state.phone) {
			page = codeScreen(uid, locale, formatInternational(state.phone), flash);
		} else if (state.step === 'confirm' && state.verifiedPhone) {
			page = confirmRegisterScreen(uid, locale, formatInternational(state.verifiedPhone));
		} else {
			const hint = typeof params.login_hint === 'string' ? params.login_hint : '';
			const hintPhone = hint ? toE164(hint, defaultRegion) : null;
			const identifiers = new Set<IdentifierType>(logto.identifiers ?? ['phone', 'username']);
			page = identifierScreen({
				uid,
				locale,
				intent: state.intent,
				identifiers,
				identifierOnly: firstScreen.startsWith('identifier:'),
				signUpEnabled,
				phoneValue: state.phone ?? hintPhone ?? '',
				usernameValue: state.username ?? (hint && !hintPhone ? hint : ''),
				flash,
			});
		}
		res.status(page.status).type('html').send(page.html);
	});

	router.post('/interaction/:uid/phone', body, async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const locale = localeOf(interaction.params);
		const state = stateFor(interaction.uid);
		state.intent = req.body?.intent === 'register' && signUpEnabled ? 'register' : 'sign_in';
		const phone = toE164(String(req.body?.phone ?? ''), defaultRegion);
		if (!phone) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errInvalidPhone') };
			return back(res, interaction.uid);
		}
		state.phone = phone;
		await sendCode(req, state, locale, state.intent === 'register' ? 'Register' : 'SignIn');
		back(res, interaction.uid);
	});

	router.post('/interaction/:uid/resend', async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const state = stateFor(interaction.uid);
		if (state.phone) await sendCode(req, state, localeOf(interaction.params), state.intent === 'register' ? 'Register' : 'SignIn');
		back(res, interaction.uid);
	});

	async function sendCode(req: Request, state: InteractionState, locale: Locale, usageType: UsageType) {
		const phone = state.phone as string;
		const issued = codes.issue(phone, req.ip ?? 'unknown', usageType);
		if (!issued.ok) {
			// The visitor stays on the screen they are on (phone form or code screen), with the reason.
			state.flash = {
				kind: 'error',
				text:
					issued.reason === 'resend_too_soon'
						? t(locale, 'errResendTooSoon', { seconds: issued.retryAfterSeconds })
						: t(locale, issued.reason === 'phone_rate_limited' ? 'errPhoneRateLimited' : 'errIpRateLimited'),
			};
			return;
		}
		try {
			await sms.sendMessage({ to: phone, type: usageType, payload: { code: issued.code } });
			state.step = 'code';
		} catch (error) {
			codes.withdraw(phone);
			const reason = error instanceof SmsDeliveryError ? error.message : 'unexpected error';
			console.error(`sms: delivery to ${maskPhone(phone)} failed: ${reason}`);
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errSmsFailed') };
		}
	}

	router.post('/interaction/:uid/code', body, async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const locale = localeOf(interaction.params);
		const state = stateFor(interaction.uid);
		if (!state.phone) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errNoCode') };
			return back(res, interaction.uid);
		}
		const result = codes.verify(state.phone, String(req.body?.code ?? ''));
		if (!result.ok) {
			state.flash = {
				kind: 'error',
				text:
					result.reason === 'wrong_code'
						? t(locale, 'errWrongCode', { attempts: result.attemptsLeft })
						: t(locale, result.reason === 'expired' ? 'errExpired' : result.reason === 'too_many_attempts' ? 'errTooManyAttempts' : 'errNoCode'),
			};
			return back(res, interaction.uid);
		}
		const user = accounts.findByPhone(state.phone);
		if (user) return finishLogin(req, res, user.id);
		if (!signUpEnabled) {
			state.step = 'identifier';
			state.flash = { kind: 'error', text: t(locale, 'errSignUpDisabled', { phone: formatInternational(state.phone) }) };
			return back(res, interaction.uid);
		}
		// Like Logto 1.37: the number is verified, now ask before creating an account.
		state.verifiedPhone = state.phone;
		state.step = 'confirm';
		back(res, interaction.uid);
	});

	router.post('/interaction/:uid/register', async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const state = stateFor(interaction.uid);
		if (!signUpEnabled || !state.verifiedPhone) {
			state.step = 'identifier';
			return back(res, interaction.uid);
		}
		const user = accounts.findByPhone(state.verifiedPhone) ?? accounts.create({ phone: state.verifiedPhone });
		await finishLogin(req, res, user.id);
	});

	router.post('/interaction/:uid/password', body, async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		const locale = localeOf(interaction.params);
		const state = stateFor(interaction.uid);
		const username = String(req.body?.username ?? '').trim();
		const user = accounts.authenticate(username, String(req.body?.password ?? ''));
		if (!user) {
			state.step = 'identifier';
			state.username = username;
			state.flash = { kind: 'error', text: t(locale, 'errWrongPassword') };
			return back(res, interaction.uid);
		}
		await finishLogin(req, res, user.id);
	});

	router.get('/interaction/:uid/abort', async (req, res) => {
		const interaction = await details(req, res);
		if (!interaction) return;
		states.delete(interaction.uid);
		await provider.interactionFinished(
			req,
			res,
			{ error: 'access_denied', error_description: 'End-User aborted interaction' },
			{ mergeWithLastSubmission: false },
		);
	});

	return router;
}
