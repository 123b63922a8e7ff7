import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ApplicationError, TENANT_ID } from './applications.js';
import type { SignInExperience, SignInExperiencePatch } from './logto-types.js';

type Identifier = 'phone' | 'username' | 'email';
type Parts = Pick<SignInExperience, 'signIn' | 'signUp' | 'signInMode'>;

/** What a new Logto Cloud tenant starts with (email + password), for an idp started empty. */
export const cloudDefault = (): Parts => ({
	signUp: { identifiers: ['email'], password: true, verify: true },
	signIn: { methods: [{ identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true }] },
	signInMode: 'SignInAndRegister',
});

/** The local stack's experience: phone + code first, username or email + password, phone sign-up. */
export const localDefault = (signUpEnabled: boolean): Parts => ({
	signUp: { identifiers: ['phone'], password: false, verify: true },
	signIn: {
		methods: [
			{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false },
			{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
			{ identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
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

	/** Whether a new phone number may create an account. */
	phoneSignUp(): boolean {
		const { signInMode, signUp } = this.current;
		return signInMode !== 'SignIn' && signUp.identifiers.includes('phone');
	}

	private check({ signIn, signUp }: Parts): void {
		const methods = new Set(signIn.methods.map((m) => m.identifier));
		for (const identifier of signUp.identifiers) {
			if (!methods.has(identifier)) {
				throw new ApplicationError(400, 'sign_in_experiences.miss_sign_up_identifier_in_sign_in', 'Sign-in methods must contain the sign-up identifier.');
			}
		}
		for (const m of signIn.methods) {
			if (!m.password && !m.verificationCode) {
				throw new ApplicationError(400, 'sign_in_experiences.at_least_one_authn_factor', `The ${m.identifier} sign-in method needs a password or a verification code.`);
			}
		}
		const usesSms = signIn.methods.some((m) => m.identifier === 'phone' && m.verificationCode) || (signUp.identifiers.includes('phone') && signUp.verify);
		if (usesSms && !this.hasSmsConnector()) {
			throw new ApplicationError(400, 'sign_in_experiences.enabled_connector_not_found', 'Enabled Sms connector not found.');
		}
	}
}
