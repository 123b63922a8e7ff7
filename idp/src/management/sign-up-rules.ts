import { ApplicationError } from './applications.js';
import type { SignInExperience } from './logto-types.js';

// Logto 1.37.1's checks on a sign-in experience change, as its source has them. The rules the
// bridge's wizard needs too (mandatory fields, phone sign-up) are in @logto-bridge/contract.

export type Parts = Pick<SignInExperience, 'signIn' | 'signUp' | 'signInMode'>;

const refuse = (code: string, message: string) => new ApplicationError(400, `sign_in_experiences.${code}`, message);

/**
 * PATCH /api/sign-in-exp's checks. packages/core/src/libraries/sign-in-experience/sign-up.ts
 * (validateSignUp) and sign-in.ts (validateSignIn). Email connectors are not modelled: this idp
 * sends no email, and a Logto Cloud tenant comes with Logto's email service.
 */
export function checkParts({ signIn, signUp }: Parts, hasSmsConnector: boolean): void {
	const secondary = signUp.secondaryIdentifiers ?? [];
	if (secondary.length > 0 && signUp.identifiers.length === 0) throw refuse('missing_sign_up_identifiers', 'Primary sign-up identifier cannot be empty.');
	const primary = new Set(signUp.identifiers);
	const secondaryIds = secondary.map((s) => s.identifier as string);
	const duplicated =
		primary.size !== signUp.identifiers.length ||
		new Set(secondaryIds).size !== secondaryIds.length ||
		secondaryIds.some((id) => (id === 'emailOrPhone' ? primary.has('email') || primary.has('phone') : primary.has(id as 'username')));
	if (duplicated) throw refuse('duplicated_sign_up_identifiers', 'Duplicated sign-up identifiers detected.');
	const passwordless = signUp.identifiers.some((i) => i !== 'username') || secondaryIds.some((i) => i !== 'username');
	if ((passwordless && !signUp.verify) || secondary.some((s) => s.identifier !== 'username' && !s.verify)) {
		throw refuse('passwordless_requires_verify', 'You need to enable verification for email or phone sign-up identifiers.');
	}
	const usesSms = primary.has('phone') || secondaryIds.includes('phone') || secondaryIds.includes('emailOrPhone') || signIn.methods.some((m) => m.identifier === 'phone' && m.verificationCode);
	if (usesSms && !hasSmsConnector) throw refuse('enabled_connector_not_found', 'Enabled Sms connector not found.');
	if (!signIn.methods.every((m) => m.password || m.verificationCode)) {
		throw refuse('at_least_one_authentication_factor', 'Select at least one authentication factor.');
	}
	if (signUp.verify && !signUp.password && !signIn.methods.every((m) => m.verificationCode || m.identifier === 'username')) {
		throw refuse('code_sign_in_must_be_enabled', 'Verification code sign-in must be enabled when set a password is not required in sign-up.');
	}
}
