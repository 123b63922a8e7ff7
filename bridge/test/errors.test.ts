import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import ts from 'typescript';

import { errorCodesFrom, SIGN_IN_ERROR_CODES } from '@logto-bridge/contract';

import { codeFor, SignInError } from '../src/errors.js';
import { SiteConfigError } from '../src/site-config.js';

const srcDir = new URL('../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/**
 * The codes the bridge's code sends, read from its syntax tree (so a comment or an unrelated
 * string never counts): `new SignInError('<code>')`, codeFor()'s `return '<code>'`, and a
 * ticket's `refused: '<code>'`.
 */
function sentCodes(): { thrown: string[]; all: string[] } {
	const thrown: string[] = [];
	const all: string[] = [];
	for (const file of files(srcDir)) {
		const visit = (node: ts.Node): void => {
			const literal = (n: ts.Node | undefined) => (n && ts.isStringLiteral(n) ? n.text : undefined);
			let code: string | undefined;
			if (ts.isNewExpression(node) && node.expression.getText() === 'SignInError') {
				code = literal(node.arguments?.[0]);
				if (code) thrown.push(code);
			} else if (ts.isReturnStatement(node) && file.endsWith('errors.ts')) code = literal(node.expression);
			else if (ts.isPropertyAssignment(node) && node.name.getText() === 'refused') code = literal(node.initializer);
			if (code) all.push(code);
			ts.forEachChild(node, visit);
		};
		visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
	}
	return { thrown, all };
}

test('every code fixtures/error-codes.json says the bridge sends, the bridge sends somewhere', () => {
	const sent = new Set(sentCodes().all);
	for (const code of errorCodesFrom('bridge')) assert.ok(sent.has(code), `${code} is never sent`);
});

test('the bridge sends no code outside fixtures/error-codes.json', () => {
	// The type already refuses one; this catches a string that slipped past it.
	const { all: sent } = sentCodes();
	assert.ok(sent.length > 5);
	for (const code of sent) assert.ok((SIGN_IN_ERROR_CODES as string[]).includes(code), code);
});

test('one mapping for every route: typed failures, WordPress down, and openid-client errors by their stable fields', () => {
	assert.equal(codeFor(new SignInError('invalid_return_to')), 'invalid_return_to');
	assert.equal(codeFor(new SiteConfigError('WordPress answered 500')), 'site_unreachable');
	assert.equal(codeFor(Object.assign(new Error('x'), { error: 'access_denied' })), 'cancelled');
	assert.equal(codeFor(Object.assign(new Error('x'), { error: 'invalid_client' })), 'misconfigured');
	assert.equal(codeFor(Object.assign(new Error('x'), { code: 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED' })), 'invalid_token');
	assert.equal(codeFor(new TypeError('fetch failed')), 'idp_unreachable');
	assert.equal(codeFor(new Error('anything else')), 'idp_error');
});
