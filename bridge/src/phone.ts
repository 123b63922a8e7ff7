import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 for a valid phone number with its country code, else null. */
export function toE164(input: unknown): string | null {
	if (typeof input !== 'string') return null;
	const trimmed = input.trim();
	if (!/^\+[\d\s().-]{4,24}$/.test(trimmed)) return null;
	const parsed = parsePhoneNumberFromString(trimmed);
	return parsed?.isValid() ? parsed.number : null;
}
