// Logto 1.37.1's sign-up rules that more than one part needs: what every user must have, and
// whether a verified phone number may create an account. Each function names Logto's file.

export type SignUpIdentifier = 'username' | 'email' | 'phone';
export type SignInMode = 'SignIn' | 'Register' | 'SignInAndRegister';
/** Logto's `signUp` settings (secondary identifiers may also be "emailOrPhone"). */
export type SignUpSettings = {
	identifiers: SignUpIdentifier[];
	password: boolean;
	verify: boolean;
	secondaryIdentifiers?: Array<{ identifier: string; verify?: boolean }> | undefined;
};

/** What Logto may ask of a user before the sign-in or sign-up finishes (its MissingProfile). */
export type ProfileField = 'username' | 'email' | 'phone' | 'emailOrPhone' | 'password';

/** What a user (or a new user's profile so far) has. */
export type ProfileHas = { username?: string | null; email?: string | null; phone?: string | null; hasPassword: boolean };

/**
 * The fields every user must have, from the sign-up settings; Logto checks them when a user signs
 * up and again at every sign-in. packages/core/src/routes/experience/classes/libraries/
 * sign-in-experience-validator.ts: getMandatoryUserProfileBySignUpMethods and
 * parseMandatoryPrimaryIdentifier (username, if listed, wins over email and phone; email with
 * phone is "email or phone"; every secondary identifier is required; password when on).
 */
export function mandatoryProfile(signUp: SignUpSettings): ProfileField[] {
	const fields = new Set<ProfileField>();
	const primary = new Set(signUp.identifiers);
	if (primary.has('username')) fields.add('username');
	else if (primary.has('email')) fields.add(primary.has('phone') ? 'emailOrPhone' : 'email');
	else if (primary.has('phone')) fields.add('phone');
	for (const { identifier } of signUp.secondaryIdentifiers ?? []) fields.add(identifier as ProfileField);
	if (signUp.password) fields.add('password');
	return [...fields];
}

/**
 * The mandatory fields a user lacks, in the order Logto asks for them (its experience asks the
 * first, then submits again). packages/core/src/routes/experience/classes/libraries/
 * profile-validator.ts: getMissingUserProfile.
 */
export function missingProfile(mandatory: ProfileField[], has: ProfileHas): ProfileField[] {
	const m = new Set(mandatory);
	const missing: ProfileField[] = [];
	if (m.has('username') && !has.username) missing.push('username');
	if (m.has('emailOrPhone') && !has.email && !has.phone) missing.push('emailOrPhone');
	if (m.has('email') && !has.email) missing.push('email');
	if (m.has('phone') && !has.phone) missing.push('phone');
	if (m.has('password') && !has.hasPassword) missing.push('password');
	return missing;
}

/**
 * Whether a number verified on the sign-in page may create an account ("No account found ...
 * create one?"). packages/experience/src/hooks/use-sie.ts: isVerificationCodeEnabledForSignUp
 * (not in sign-in-only mode; phone a primary or secondary sign-up identifier, or "email or phone").
 */
export function phoneMaySignUp({ signInMode, signUp }: { signInMode: SignInMode; signUp: SignUpSettings }): boolean {
	if (signInMode === 'SignIn') return false;
	const secondary = (signUp.secondaryIdentifiers ?? []).map((s) => s.identifier as string);
	return signUp.identifiers.includes('phone') || secondary.includes('phone') || secondary.includes('emailOrPhone');
}

/** What a new visitor who types a phone number is asked after the code; null: cannot sign up. */
export type Asked = ProfileField[] | null;

/** What the wizard's sign-up plan tells the admin besides the changes. */
export type SignUpNote = 'username_sign_up_ends' | 'no_password_at_sign_up' | 'email_code_sign_in' | 'registration_opened';

/**
 * One way to let phone visitors sign up, as the wizard's phone step answers it (the bridge
 * builds it, the settings app shows it): `code_only` (the number and the code are enough) or
 * `keep` (today's sign-up, phone added), the settings after, the changes, what a new phone
 * visitor is asked, and who in Logto would be asked for something new at their next sign-in.
 */
export type SignUpChoice<Parts, Change> = {
	id: 'code_only' | 'keep';
	after: Parts;
	changes: Change[];
	newPhone: Asked;
	existing: { fields: ProfileField[]; count: number; exact: boolean };
	notes: SignUpNote[];
};
