import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * The one phone rule of the bridge and the idp: E.164 for a valid number, else null.
 *
 * A number with "+" is read with its country code. Without "+", a number is only readable
 * with a `region`: first as Logto writes numbers (country code, digits only, as in a
 * `login_hint` or a Logto user), then as a national number of that region. The bridge
 * passes no region, so what a visitor types must carry its country code.
 */
export function toE164(input: unknown, region?: string): string | null {
	if (typeof input !== 'string') return null;
	const trimmed = input.trim();
	if (!/^[+\d][\d\s().-]{3,24}$/.test(trimmed)) return null;
	if (trimmed.startsWith('+')) return valid(parsePhoneNumberFromString(trimmed));
	if (!region) return null;
	return valid(parsePhoneNumberFromString(`+${trimmed.replace(/\D/g, '')}`)) ?? valid(parsePhoneNumberFromString(trimmed, region as CountryCode));
}

const valid = (parsed: ReturnType<typeof parsePhoneNumberFromString>) => (parsed?.isValid() ? parsed.number : null);

/** Logto's representation of a phone number: digits only, no "+". */
export const toLogtoDigits = (e164: string): string => e164.replace(/\D/g, '');

/** "+86 138 0013 8000": how a number is shown to the person who owns it. */
export const formatInternational = (e164: string): string => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

/** "+86 138****8000": how a number appears in logs. */
export const maskPhone = (e164: string): string => (e164.length > 8 ? `${e164.slice(0, 6)}****${e164.slice(-4)}` : '****');

/**
 * Logto's phone-OTP entry (Logto 1.37): the phone verification-code screen with the number
 * filled in (`login_hint` as E.164 sets Logto's country selector and the national number). The
 * same for wp-login.php (through the bridge) and the mobile app, which adds its own `prompt`.
 */
export function phoneFirstParams(e164: string): { login_hint: string; first_screen: 'identifier:sign_in'; identifier: 'phone' } {
	return { login_hint: e164, first_screen: 'identifier:sign_in', identifier: 'phone' };
}
