import { mandatoryProfile, missingProfile, phoneMaySignUp, type Asked, type ProfileField, type SignUpChoice as Choice, type SignUpIdentifier, type SignUpNote as Note } from '@logto-bridge/contract';

import type { Change, SignInParts } from './plans.js';

// The phone step's plan: what Logto asks a new phone visitor (and the people of today) before and
// after, worked out with Logto's own rules (@logto-bridge/contract: the mandatory fields Logto
// checks at sign-up and again at every sign-in), so the preview says it in words.

/** A user as GET /api/users lists it (hasPassword may be missing: then assumed set). */
export type ListedUser = { username?: string | null; primaryEmail?: string | null; primaryPhone?: string | null; hasPassword?: boolean };
/** The users read from Logto, and how many Logto has. */
export type Census = { users: ListedUser[]; total: number };

export type SignUpChoice = Choice<SignInParts, Change>;

export type PhonePlan = { before: SignInParts; newPhoneNow: Asked; choices: SignUpChoice[]; satisfiesBoth: boolean };

const PHONE = { identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false } as const;

/** What a new phone visitor is asked after the code under these settings. */
export function newPhoneAsks(parts: SignInParts): Asked {
	const codeSignIn = parts.signIn.methods.some((m) => m.identifier === 'phone' && m.verificationCode);
	if (!codeSignIn || !phoneMaySignUp(parts)) return null;
	return missingProfile(mandatoryProfile(parts.signUp), { phone: '+1', hasPassword: false });
}

/** Who of the users read would be asked for something they are not asked for today. */
function newlyAsked(before: SignInParts, after: SignInParts, census: Census): SignUpChoice['existing'] {
	const [now, next] = [mandatoryProfile(before.signUp), mandatoryProfile(after.signUp)];
	const fields = new Set<ProfileField>();
	let count = 0;
	for (const u of census.users) {
		const has = { username: u.username, email: u.primaryEmail, phone: u.primaryPhone, hasPassword: u.hasPassword ?? true };
		const today = new Set(missingProfile(now, has));
		const added = missingProfile(next, has).filter((f) => !today.has(f));
		if (added.length) count++;
		for (const f of added) fields.add(f);
	}
	return { fields: [...fields], count, exact: census.users.length >= census.total };
}

function withPhoneMethod(methods: SignInParts['signIn']['methods'], changes: Change[]) {
	const next = methods.map((m) => ({ ...m }));
	const phone = next.find((m) => m.identifier === 'phone');
	if (!phone) {
		next.push({ ...PHONE });
		changes.push({ field: 'signIn.methods', from: null, to: 'phone + verification code', replaces: false });
	} else if (!phone.verificationCode) {
		phone.verificationCode = true;
		changes.push({ field: 'signIn.methods.phone.verificationCode', from: false, to: true, replaces: false });
	}
	return next;
}

/** The smallest change after which the number and the code are enough (and Logto accepts it). */
function codeOnly(before: SignInParts): Omit<SignUpChoice, 'existing'> {
	const changes: Change[] = [];
	const notes: Note[] = [];
	const methods = withPhoneMethod(before.signIn.methods, changes);
	const { signUp } = before;
	// Username listed makes it mandatory for everyone; email alone too. Email with phone is "either".
	const identifiers: SignUpIdentifier[] = signUp.identifiers.filter((i) => i === 'email' || i === 'phone');
	if (!identifiers.includes('phone')) identifiers.push('phone');
	const after: SignInParts = { signIn: { methods }, signUp: { ...signUp, identifiers, password: false, verify: true }, signInMode: before.signInMode };
	if (identifiers.join() !== signUp.identifiers.join()) {
		const removes = signUp.identifiers.some((i) => !identifiers.includes(i));
		changes.push({ field: 'signUp.identifiers', from: signUp.identifiers.join(', ') || null, to: identifiers.join(', '), replaces: removes });
		if (signUp.identifiers.includes('username')) notes.push('username_sign_up_ends');
	}
	if ((signUp.secondaryIdentifiers ?? []).length) {
		after.signUp.secondaryIdentifiers = [];
		changes.push({ field: 'signUp.secondaryIdentifiers', from: JSON.stringify(signUp.secondaryIdentifiers), to: null, replaces: true });
	}
	if (signUp.password) {
		changes.push({ field: 'signUp.password', from: true, to: false, replaces: true });
		notes.push('no_password_at_sign_up');
	}
	if (!signUp.verify) changes.push({ field: 'signUp.verify', from: false, to: true, replaces: false });
	// Logto (sign-in.ts, code_sign_in_must_be_enabled): without a sign-up password, every method
	// but username must also take a code.
	for (const m of methods) {
		if (m.identifier !== 'username' && !m.verificationCode) {
			m.verificationCode = true;
			changes.push({ field: `signIn.methods.${m.identifier}.verificationCode`, from: false, to: true, replaces: false });
			if (m.identifier === 'email') notes.push('email_code_sign_in');
		}
	}
	if (before.signInMode === 'SignIn') {
		after.signInMode = 'SignInAndRegister';
		changes.push({ field: 'signInMode', from: 'SignIn', to: 'SignInAndRegister', replaces: true });
		notes.push('registration_opened');
	}
	return { id: 'code_only', after, changes, newPhone: newPhoneAsks(after), notes };
}

/** Today's sign-up with phone added beside it: nothing removed, so Logto asks phone visitors what it asks everyone. */
function keep(before: SignInParts): Omit<SignUpChoice, 'existing'> {
	const changes: Change[] = [];
	const methods = withPhoneMethod(before.signIn.methods, changes);
	const signUp = { ...before.signUp, identifiers: [...before.signUp.identifiers] };
	if (!phoneMaySignUp({ ...before, signUp })) {
		signUp.identifiers.push('phone');
		changes.push({ field: 'signUp.identifiers', from: before.signUp.identifiers.join(', ') || null, to: signUp.identifiers.join(', '), replaces: false });
		if (!signUp.verify) {
			signUp.verify = true;
			changes.push({ field: 'signUp.verify', from: false, to: true, replaces: false });
		}
	}
	const after: SignInParts = { signIn: { methods }, signUp, signInMode: before.signInMode };
	return { id: 'keep', after, changes, newPhone: newPhoneAsks(after), notes: [] };
}

/**
 * The choices for the phone step. When the code-only change asks nobody of today for anything
 * new, it satisfies both and is the plan; otherwise the admin chooses, told what each costs.
 */
export function planPhoneSignUp(before: SignInParts, census: Census): PhonePlan {
	const choices = [codeOnly(before), keep(before)].map((c) => ({ ...c, existing: newlyAsked(before, c.after, census) }));
	const [first, second] = choices as [SignUpChoice, SignUpChoice];
	const unique = second.changes.length === first.changes.length && JSON.stringify(second.after) === JSON.stringify(first.after) ? [first] : choices;
	return { before, newPhoneNow: newPhoneAsks(before), choices: unique, satisfiesBoth: first.existing.count === 0 && first.newPhone?.length === 0 };
}
