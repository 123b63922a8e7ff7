import type { ProfileField } from '@logto-bridge/contract';
import type { Request, Response } from 'express';
import type Provider from 'oidc-provider';

import type { Accounts } from '../accounts.js';
import type { SmsConnector } from '../sms/index.js';
import type { VerificationCodes } from '../verification-codes.js';
import { pickLocale, t, type Locale } from './i18n.js';
import { errorScreen } from './screens.js';
import type { InteractionState, InteractionStates } from './state.js';

export type InteractionDeps = {
	provider: Provider;
	accounts: Accounts;
	codes: VerificationCodes;
	sms: SmsConnector;
	/** Whether a new phone number may create an account (the sign-in experience says, now). */
	signUpEnabled: () => boolean;
	/** The identifiers the sign-in experience offers, now. */
	signInIdentifiers: () => Set<'phone' | 'username' | 'email'>;
	/** What every account must have before a sign-in or sign-up finishes (Logto's mandatory profile). */
	mandatoryProfile: () => ProfileField[];
	/** Role names every new account gets (Logto's default roles). */
	defaultRoles: () => string[];
	/** The scopes of an API resource that an account's roles grant. */
	resourceScopes: (indicator: string, accountId: string) => string[];
	defaultRegion: string;
	states: InteractionStates;
};

export type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** What one handler gets: the interaction, its screen state (saved after the handler) and its locale. */
export type Step = { req: Request; res: Response; interaction: Interaction; state: InteractionState; locale: Locale };

/**
 * Wraps a handler: loads oidc-provider's interaction (an expired one gets a page saying so),
 * hands over the screen state, and saves it afterwards unless the handler finished the interaction.
 */
export function step(deps: InteractionDeps, handler: (step: Step) => Promise<void> | void) {
	return async (req: Request, res: Response) => {
		let interaction: Interaction;
		try {
			interaction = await deps.provider.interactionDetails(req, res);
		} catch {
			const locale = pickLocale(req.query.ui_locales);
			const { status, html } = errorScreen(locale, t(locale, 'errSessionExpired'), 400);
			res.status(status).type('html').send(html);
			return;
		}
		const state = deps.states.get(interaction.uid);
		await handler({ req, res, interaction, state, locale: pickLocale(interaction.params.ui_locales) });
		if (!ended.has(res)) deps.states.save(interaction.uid, state);
	};
}

const ended = new WeakSet<Response>();

/** Ends the interaction with `result` (a login, a consent, an error); its screen state goes. */
export async function finish(deps: InteractionDeps, { req, res, interaction }: Step, result: Parameters<Provider['interactionFinished']>[2], merge = false) {
	ended.add(res);
	deps.states.delete(interaction.uid);
	await deps.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: merge });
}

/** Back to the interaction's page, which shows the screen its state says. */
export const back = ({ res, interaction }: Step) => res.redirect(303, `/interaction/${encodeURIComponent(interaction.uid)}`);
