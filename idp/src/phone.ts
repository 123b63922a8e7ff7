import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Normalises what a visitor typed (or a login_hint) to E.164, or returns null when it is
 * not a valid phone number. Logto stores digits only, so a hint may come without "+";
 * a leading country code is then assumed, which is how Logto reads such hints.
 */
export function toE164(input: string, defaultRegion: string): string | null {
	const trimmed = input.trim();
	if (!/^[+\d][\d\s().-]{3,24}$/.test(trimmed)) return null;
	const candidates = trimmed.startsWith('+') ? [trimmed] : [`+${trimmed.replace(/\D/g, '')}`, trimmed];
	for (const candidate of candidates) {
		const parsed = candidate.startsWith('+')
			? parsePhoneNumberFromString(candidate)
			: parsePhoneNumberFromString(candidate, defaultRegion as CountryCode);
		if (parsed?.isValid()) return parsed.number;
	}
	return null;
}

/** Logto's representation of a phone number: digits only, no "+". */
export function toLogtoDigits(e164: string): string {
	return e164.replace(/\D/g, '');
}

/** "+86 138 0013 8000": how a number is shown to the person who owns it. */
export function formatInternational(e164: string): string {
	return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** "+86 138****8000": how a number appears in logs. */
export function maskPhone(e164: string): string {
	return e164.length > 8 ? `${e164.slice(0, 6)}****${e164.slice(-4)}` : '****';
}
