import { join } from 'node:path';

import { JsonFileStore } from '../store.js';
import type { Flash } from './screens.js';

/** An existing account (`accountId`) or a new one (`phone`), and the fields given on the way. */
export type ProfileDraft = { accountId?: string; phone?: string; username?: string; passwordHash?: string; bindPhone?: string };

/** Where a visitor is in one sign-in interaction: which screen, which number, what to say. */
export type InteractionState = {
	step: 'identifier' | 'code' | 'confirm' | 'profile';
	intent: 'sign_in' | 'register';
	phone?: string;
	verifiedPhone?: string;
	username?: string;
	/** While Logto asks for fields the sign-up settings require: who, and what was given so far. */
	profile?: ProfileDraft;
	flash?: Flash;
	touchedAt: number;
};

/** As long as oidc-provider keeps the interaction itself (its Interaction TTL). */
const STATE_TTL_MS = 60 * 60_000;

/**
 * Screen states by interaction uid, kept in the idp's data folder beside the OIDC sessions,
 * so a restart in the middle of a sign-in leaves the visitor on the screen they were on.
 */
export class InteractionStates {
	private readonly store: JsonFileStore<InteractionState>;

	constructor(dataDir: string) {
		this.store = new JsonFileStore<InteractionState>(join(dataDir, 'interactions.json'));
		this.prune();
	}

	/** The state of `uid`, or a fresh one on the first screen. */
	get(uid: string): InteractionState {
		const state = this.store.get(uid);
		if (state && Date.now() - state.touchedAt <= STATE_TTL_MS) return state;
		return { step: 'identifier', intent: 'sign_in', touchedAt: Date.now() };
	}

	has(uid: string): boolean {
		return this.store.get(uid) !== undefined;
	}

	save(uid: string, state: InteractionState): void {
		this.prune();
		this.store.set(uid, { ...state, touchedAt: Date.now() });
	}

	delete(uid: string): void {
		this.store.delete(uid);
	}

	private prune(): void {
		const now = Date.now();
		this.store.deleteWhere((s) => now - s.touchedAt > STATE_TTL_MS);
	}
}
