/**
 * What POST /tickets/redeem answers WordPress: the verified claims, the ID token, where to go
 * and the browser binding (a SHA-256, hex); or, for a sign-in the bridge refused after Logto (the
 * typed number was not the verified one), the refusal and no claims. fixtures/ticket-payload.json
 * holds examples both sides' tests check; the plugin checks the same in Bridge_Client::redeemed().
 */
export type TicketPayload =
	| { claims: Record<string, unknown> & { sub: string }; id_token: string; return_to: string; binding: string }
	| { refused: 'phone_mismatch'; verified_phone: string | null; return_to: string; binding: string };

const BINDING = /^[0-9a-f]{64}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Whether `value` is a ticket payload as the contract has it. */
export function isTicketPayload(value: unknown): value is TicketPayload {
	if (!isRecord(value) || !isText(value.return_to) || typeof value.binding !== 'string' || !BINDING.test(value.binding)) return false;
	if ('refused' in value) return value.refused === 'phone_mismatch' && (value.verified_phone === null || isText(value.verified_phone));
	return isRecord(value.claims) && isText(value.claims.sub) && isText(value.id_token);
}
