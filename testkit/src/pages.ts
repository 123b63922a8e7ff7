import { existsSync, readFileSync } from 'node:fs';

/** The newest code the console connector wrote for a phone number. */
export function lastCode(outbox: string, phone: string): string {
	if (!existsSync(outbox)) throw new Error('no SMS sent yet');
	const lines = readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; code: string });
	const hit = lines.reverse().find((l) => l.to === phone);
	if (!hit) throw new Error(`no SMS sent to ${phone}`);
	return hit.code;
}

/** The value of an input by its id in server-rendered HTML. */
export function inputValue(html: string, id: string): string | undefined {
	const tag = html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0];
	return tag ? (tag.match(/value="([^"]*)"/)?.[1] ?? '') : undefined;
}

export function formAction(html: string, contains: string): string {
	const action = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!).find((a) => a.includes(contains));
	if (!action) throw new Error(`no form posting to *${contains}* in page:\n${html.slice(0, 2000)}`);
	return action;
}
