import { isToken, ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { SIGNATURE_HEADER, verify } from '../signature.js';

/** POST /tickets/redeem (HMAC-signed by WordPress): the claims, once. */
export default function tickets(router: IRouter, { config, tickets: issued, log }: BridgeContext): void {
	router.post(ROUTES.ticketsRedeem, express.text({ type: '*/*', limit: '4kb' }), async (req, res, next) => {
		try {
			const body = typeof req.body === 'string' ? req.body : '';
			const signature = verify(config.sharedSecret, req.get(SIGNATURE_HEADER), body);
			if (!signature.ok) {
				log.warn({ step: 'redeem', reason: signature.reason }, 'refused unsigned redeem');
				return res.status(401).json({ error: 'invalid_signature', reason: signature.reason });
			}
			let ticket: unknown;
			try {
				ticket = (JSON.parse(body) as { ticket?: unknown }).ticket;
			} catch {
				return res.status(400).json({ error: 'invalid_request' });
			}
			if (!isToken(ticket)) return res.status(400).json({ error: 'invalid_request' });
			const redeemed = await issued.redeem(ticket);
			if (!redeemed) {
				log.info({ step: 'redeem' }, 'malformed, unknown, used or expired ticket');
				return res.status(410).json({ error: 'ticket_gone' });
			}
			const { flow, ...payload } = redeemed;
			log.info({ flow, step: 'redeem' }, 'ticket redeemed');
			res.json(payload);
		} catch (error) {
			next(error);
		}
	});
}
