import { isToken, ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { signedPost } from '../s2s.js';

/** POST /tickets/redeem (HMAC-signed by WordPress, answered signed): the claims, once. */
export default function tickets(router: IRouter, ctx: BridgeContext): void {
	const { tickets: issued, log } = ctx;
	router.post(ROUTES.ticketsRedeem, express.text({ type: '*/*', limit: '4kb' }), async (req, res, next) => {
		try {
			const signed = await signedPost(ctx, req, res, ROUTES.ticketsRedeem, 'redeem');
			if (!signed) return;
			const { body, answer } = signed;
			let ticket: unknown;
			try {
				ticket = (JSON.parse(body) as { ticket?: unknown }).ticket;
			} catch {
				return answer(400, { error: 'invalid_request' });
			}
			if (!isToken(ticket)) return answer(400, { error: 'invalid_request' });
			const redeemed = await issued.redeem(ticket);
			if (!redeemed) {
				log.info({ step: 'redeem' }, 'malformed, unknown, used or expired ticket');
				return answer(410, { error: 'ticket_gone' });
			}
			const { flow, ...payload } = redeemed;
			log.info({ flow, step: 'redeem' }, 'ticket redeemed');
			answer(200, payload);
		} catch (error) {
			next(error);
		}
	});
}
