import activity from '../../fixtures/activity.json' with { type: 'json' };

import { errorCodesFrom, type SignInErrorCode } from './error-codes.js';

/**
 * A sign-in the bridge refused, as it reports it to WordPress for Logto > Activity
 * (fixtures/activity.json): no phone digits, no tokens, no URLs.
 */
export type ActivityEvent = { at: number; step: (typeof ACTIVITY.steps)[number]; reason: SignInErrorCode; instance: string; flow: string };
export type ActivityReport = { events: ActivityEvent[] };

export const ACTIVITY = {
	steps: activity.steps as ['sign-in', 'callback'],
	/** Events per report at most (the bridge batches them). */
	maxEvents: activity.maxEvents,
	/** How many failures WordPress keeps. */
	keep: activity.keep,
} as const;

/** Only the bridge's own codes: WordPress records the ones it decides itself. */
const BRIDGE_CODES: readonly unknown[] = errorCodesFrom('bridge');
const INSTANCE = /^[\w.-]{0,64}$/;
/** The flow id of the bridge's log lines; none for a callback that matched no sign-in. */
const FLOW = /^([0-9a-f]{12})?$/;

function isEvent(value: unknown): value is ActivityEvent {
	if (typeof value !== 'object' || value === null) return false;
	const e = value as Record<string, unknown>;
	return (
		Number.isInteger(e.at) &&
		(ACTIVITY.steps as readonly unknown[]).includes(e.step) &&
		BRIDGE_CODES.includes(e.reason) &&
		typeof e.instance === 'string' &&
		INSTANCE.test(e.instance) &&
		typeof e.flow === 'string' &&
		FLOW.test(e.flow)
	);
}

/** Whether `value` is a report as the contract has it. */
export function isActivityReport(value: unknown): value is ActivityReport {
	if (typeof value !== 'object' || value === null) return false;
	const events = (value as { events?: unknown }).events;
	return Array.isArray(events) && events.length > 0 && events.length <= ACTIVITY.maxEvents && events.every(isEvent);
}
