import { isToken, ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { sendSigned, verifyFromWordPress } from '../s2s.js';

/** POST /tickets/redeem (HMAC-signed by WordPress, answered signed): the claims, once. */
export default function tickets(router: IRouter, ctx: BridgeContext): void {
	const { config, tickets: issued, log } = ctx;
	router.post(ROUTES.ticketsRedeem, express.text({ type: '*/*', limit: '4kb' }), async (req, res, next) => {
		try {
			const body = typeof req.body === 'string' ? req.body : '';
			const signature = await verifyFromWordPress(ctx, req, ROUTES.ticketsRedeem, body);
			if (!signature.ok) {
				log.warn({ step: 'redeem', reason: signature.reason }, 'refused unsigned redeem');
				return res.status(401).json({ error: 'invalid_signature', reason: signature.reason });
			}
			const answer = (status: number, payload: unknown) => sendSigned(res, config.sharedSecret, ROUTES.ticketsRedeem, signature.nonce, payload, status);
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
