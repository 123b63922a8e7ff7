import type { Request, Response } from 'express';
import type { z } from 'zod';

import { ApplicationError } from './applications.js';

/** Parses a body as Logto's koaGuard does: a 400 `guard.invalid_input` naming the first problem. */
export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const details = result.error.issues.map((i) => `Error in key path "${i.path.join('.')}": (${i.code}) ${i.message}`).join('\n');
	throw new ApplicationError(400, 'guard.invalid_input', 'The request body is invalid.', details, { issues: result.error.issues, name: 'ZodError' });
}

/** Runs a handler and answers its value as JSON, or Logto's error body for an ApplicationError. */
export const wrap = (handler: (req: Request, res: Response) => Promise<unknown> | unknown) => async (req: Request, res: Response) => {
	try {
		const body = await handler(req, res);
		if (!res.headersSent) res.json(body);
	} catch (error) {
		if (error instanceof ApplicationError) {
			return res.status(error.status).json({ code: error.code, message: error.message, ...(error.data ? { data: error.data } : {}), ...(error.details ? { details: error.details } : {}) });
		}
		console.error(`management api: ${(error as Error).message}`);
		res.status(500).json({ code: 'unexpected', message: 'Unexpected error.' });
	}
};

/** `value`, or Logto's 404 for the entity `what` with this id. */
export const found = <T>(value: T | undefined, what: string, id: string): T => {
	if (value === undefined) throw new ApplicationError(404, 'entity.not_exists_with_id', `The ${what} with ID \`${id}\` does not exist.`);
	return value;
};

/** A path parameter. */
export const id = (req: Request, name = 'id') => String(req.params[name]);

/** Like wrap, answering 201 Created. */
export const created = <T>(make: (req: Request) => T) => wrap((req, res) => res.status(201) && make(req));
