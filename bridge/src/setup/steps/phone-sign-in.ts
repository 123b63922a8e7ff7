import { call, SetupError, type LogtoAccess } from '../management-session.js';
import type { SignInParts } from '../plans.js';
import { planPhoneSignUp, type Census, type ListedUser } from '../sign-up-plan.js';
import { guardApply, session, signInParts, type Apply, type Session } from './shared.js';

/** Users read to tell the admin who a change would ask for something new (pages of 100, up to 1,000). */
async function census({ client, endpoint }: Session): Promise<Census> {
	const users: ListedUser[] = [];
	let total = 0;
	for (let page = 1; page <= 10; page++) {
		const request = client.GET('/api/users', { params: { query: { page, page_size: 100 } as never } });
		const data = await call(endpoint, request);
		const { response } = await request;
		total = Number(response.headers.get('total-number') ?? data.length);
		users.push(...(data as ListedUser[]));
		if (users.length >= total || data.length < 100) break;
	}
	return { users, total: Math.max(total, users.length) };
}

/**
 * Step 3c: the sign-up that lets a phone visitor in with the number and the code. When that asks
 * nobody of today for anything new, it is the plan; otherwise the admin picks `choice`.
 */
export async function phoneSignIn(access: LogtoAccess, input: Apply & { choice?: 'code_only' | 'keep' | undefined }) {
	const s = await session(access);
	const before = signInParts((await call(s.endpoint, s.client.GET('/api/sign-in-exp'))) as SignInParts);
	const plan = planPhoneSignUp(before, await census(s));
	const chosen = plan.choices.find((c) => c.id === (input.choice ?? (plan.satisfiesBoth ? 'code_only' : undefined)));
	if (input.apply && !chosen) throw new SetupError('choice_needed', 'Choose how new phone visitors sign up: no change lets them in with the code alone while everyone of today signs in as before.');
	if (chosen && guardApply(chosen.changes, input)) {
		await call(s.endpoint, s.client.PATCH('/api/sign-in-exp', { body: { signIn: chosen.after.signIn, signUp: chosen.after.signUp as never, signInMode: chosen.after.signInMode } }));
	}
	return { ...plan, after: chosen?.after ?? plan.choices[0]!.after, changes: chosen?.changes ?? plan.choices[0]!.changes, chosen: chosen?.id ?? null, applied: input.apply && Boolean(chosen?.changes.length) };
}
