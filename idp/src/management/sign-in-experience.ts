import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { mandatoryProfile, phoneMaySignUp, type ProfileField } from '@logto-bridge/contract';

import { TENANT_ID } from './applications.js';
import type { SignInExperience, SignInExperiencePatch } from './logto-types.js';
import { checkParts, type Parts } from './sign-up-rules.js';

type Identifier = 'phone' | 'username' | 'email';

/**
 * A new self-hosted Logto tenant: username + password, no verification.
 * packages/schemas/src/seeds/sign-in-experience.ts: createDefaultSignInExperience(tenantId, isCloud = false).
 */
export const selfHostedDefault = (): Parts => ({
	signUp: { identifiers: ['username'], password: true, verify: false },
	signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
	signInMode: 'SignInAndRegister',
});

/** A new Logto Cloud tenant: email + password, verified (the same seed with isCloud = true). */
export const cloudDefault = (): Parts => ({
	signUp: { identifiers: ['email'], password: true, verify: true },
	signIn: { methods: [{ identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true }] },
	signInMode: 'SignInAndRegister',
});

/**
 * The local stack's experience: phone + code first, username or email + password, phone sign-up
 * with the code alone. Valid by Logto's rules (sign-up without a password needs code sign-in on
 * every method but username); this idp's pages offer email with its password only.
 */
export const localDefault = (signUpEnabled: boolean): Parts => ({
	signUp: { identifiers: ['phone'], password: false, verify: true },
	signIn: {
		methods: [
			{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false },
			{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
			{ identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: true },
		],
	},
	signInMode: signUpEnabled ? 'SignInAndRegister' : 'SignIn',
});

/** Everything else of Logto's response, at Logto's defaults; this idp's pages do not use it. */
const rest: Omit<SignInExperience, keyof Parts> = {
	tenantId: TENANT_ID,
	id: 'default',
	color: { primaryColor: '#6139F6', isDarkModeEnabled: false, darkPrimaryColor: '#8768F8' },
	branding: {},
	hideLogtoBranding: false,
	languageInfo: { autoDetect: true, fallbackLanguage: 'en' },
	termsOfUseUrl: null,
	privacyPolicyUrl: null,
	agreeToTermsPolicy: 'Automatic',
	socialSignIn: {},
	socialSignInConnectorTargets: [],
	customCss: null,
	customContent: {},
	customUiAssets: null,
	customUiCsp: {},
	passwordPolicy: { length: { min: 8, max: 256 }, characterTypes: { min: 1 }, rejects: { pwned: true, repetitionAndSequence: true, userInfo: true, words: [] } },
	mfa: { factors: [], policy: 'UserControlled' },
	adaptiveMfa: {},
	singleSignOnEnabled: false,
	supportEmail: null,
	supportWebsiteUrl: null,
	unknownSessionRedirectUrl: null,
	captchaPolicy: {},
	sentinelPolicy: {},
	emailBlocklistPolicy: {},
	verificationCodePolicy: {},
	forgotPasswordMethods: null,
	passkeySignIn: {},
	signUpProfileFields: null,
	passwordExpiration: {},
	usernamePolicy: {},
};

/**
 * The sign-in experience, which drives this idp's pages as Logto's drives its own: which
 * identifiers the sign-in screen offers, and whether new accounts may sign up. Kept in a file
 * once changed through the Management API (and in memory); until then the start's default applies.
 */
export class SignInExperiences {
	private readonly file: string;
	/** Read once; every sign-in page asks for it, and only patch() changes it (written through). */
	private current: Parts;

	constructor(
		dataDir: string,
		initial: Parts,
		private readonly hasSmsConnector: () => boolean,
	) {
		mkdirSync(dataDir, { recursive: true });
		this.file = join(dataDir, 'sign-in-exp.json');
		this.current = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Parts) : initial;
	}

	get(): SignInExperience {
		return { ...rest, ...this.current };
	}

	/** As Logto: the given fields replace the stored ones, after the same consistency checks. */
	patch(body: SignInExperiencePatch): SignInExperience {
		const next: Parts = { ...this.current };
		if (body.signIn) next.signIn = body.signIn;
		if (body.signUp) next.signUp = body.signUp;
		if (body.signInMode) next.signInMode = body.signInMode;
		this.check(next);
		writeFileSync(this.file, JSON.stringify(next), { mode: 0o600 });
		this.current = next;
		return this.get();
	}

	/** The identifiers the sign-in screen offers: phone with a code, username or email with a password. */
	signInIdentifiers(): Set<Identifier> {
		return new Set(
			this.current.signIn.methods.filter((m) => (m.identifier === 'phone' ? m.verificationCode : m.password))
				.map((m) => m.identifier),
		);
	}

	/** Whether a number verified on the sign-in page may create an account. */
	phoneSignUp(): boolean {
		return phoneMaySignUp(this.current);
	}

	/** What every user must have before a sign-in or sign-up finishes. */
	mandatoryProfile(): ProfileField[] {
		return mandatoryProfile(this.current.signUp);
	}

	private check(parts: Parts): void {
		checkParts(parts, this.hasSmsConnector());
	}
}
