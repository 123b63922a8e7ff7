// Writes plugin/languages/logto-bridge.pot from the plugin's PHP and the blocks' TypeScript,
// as `wp i18n make-pot` would (wp-cli is not an npm package). With --check it writes nothing
// and fails when the file is stale or a translation call lacks a literal string or the
// logto-bridge text domain, so `npm run lint` keeps both true.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { repoRoot } from './lib/paths.mjs';

export const DOMAIN = 'logto-bridge';
const potFile = join(repoRoot, 'plugin', 'languages', `${DOMAIN}.pot`);

// The gettext functions this codebase uses: the message first, the text domain last.
const FUNCTIONS = ['__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e'];
const STRING = String.raw`'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"`;
const CALL_START = new RegExp(String.raw`(?<![\w$>:])(${FUNCTIONS.join('|')})\(`, 'g');
const CALL = new RegExp(String.raw`^(?:${FUNCTIONS.join('|')})\(\s*(${STRING})\s*,\s*(${STRING})\s*\)`);

function unquote(literal, language) {
	const body = literal.slice(1, -1);
	// PHP single quotes know only \' and \\; JavaScript strings know the usual escapes.
	if (language === 'php' && literal.startsWith("'")) return body.replace(/\\(['\\])/g, '$1');
	return body.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
}

/**
 * The translatable strings of one source file, and the calls that are not translatable as
 * written (a variable instead of a string, another or no text domain).
 */
export function extract(source, file, language) {
	const entries = [];
	const problems = [];
	const lineOf = (index) => source.slice(0, index).split('\n').length;
	let previousEnd = 0;
	for (const match of source.matchAll(CALL_START)) {
		const line = lineOf(match.index);
		const call = CALL.exec(source.slice(match.index));
		const domain = call && unquote(call[2], language);
		if (!call || domain !== DOMAIN) {
			problems.push(`${file}:${line}: ${match[1]}() needs a literal string and the '${DOMAIN}' text domain`);
			continue;
		}
		// A translators: comment on the line above the call goes to the translator, as wp-cli
		// takes it: for the first call after the comment only.
		const lineAbove = source.lastIndexOf('\n', source.lastIndexOf('\n', match.index) - 1) + 1;
		const before = source.slice(Math.max(lineAbove, previousEnd), match.index);
		previousEnd = match.index + call[0].length;
		const note = /(?:\/\*|\/\/)\s*(translators:[^*\n]*)/i.exec(before)?.[1]?.trim();
		// Files only, no line numbers: the .pot changes when strings change, not when code moves.
		entries.push({ msgid: unquote(call[1], language), reference: file, comments: note ? [note] : [] });
	}
	return { entries, problems };
}

/** The plugin header's name and description, and block.json's title and description, as wp-cli takes them. */
function metadataEntries() {
	const entries = [];
	const header = readFileSync(join(repoRoot, 'plugin', 'logto-bridge.php'), 'utf8');
	for (const field of ['Plugin Name', 'Description']) {
		const value = new RegExp(`\\* ${field}:\\s*(.+)`).exec(header)?.[1]?.trim();
		if (value) entries.push({ msgid: value, reference: 'plugin/logto-bridge.php', comments: [`${field} of the plugin`] });
	}
	for (const file of walk(join(repoRoot, 'blocks', 'src')).filter((f) => f.endsWith('block.json'))) {
		const block = JSON.parse(readFileSync(file, 'utf8'));
		const rel = relative(repoRoot, file);
		for (const field of ['title', 'description']) {
			if (block[field]) entries.push({ msgid: block[field], msgctxt: `block ${field}`, reference: rel, comments: [] });
		}
		for (const keyword of block.keywords ?? []) entries.push({ msgid: keyword, msgctxt: 'block keyword', reference: rel, comments: [] });
	}
	return entries;
}

function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

function sources() {
	const plugin = walk(join(repoRoot, 'plugin')).filter((f) => f.endsWith('.php') && !/\/plugin\/(build|tests)\//.test(f));
	const blocks = walk(join(repoRoot, 'blocks', 'src')).filter((f) => /\.(tsx?|php)$/.test(f));
	return [...plugin, ...blocks].sort();
}

const po = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

/** The .pot text: one entry per message (and context), references and translator notes merged. */
export function renderPot(entries, version) {
	const merged = new Map();
	for (const e of entries) {
		const key = `${e.msgctxt ?? ''}\u0004${e.msgid}`;
		const seen = merged.get(key);
		if (seen) {
			if (!seen.references.includes(e.reference)) seen.references.push(e.reference);
			for (const c of e.comments) if (!seen.comments.includes(c)) seen.comments.push(c);
		} else merged.set(key, { ...e, references: [e.reference], comments: [...e.comments] });
	}
	const header = [
		'# Copyright (C) Logto Bridge contributors',
		'# This file is distributed under the GPL-2.0-or-later.',
		'msgid ""',
		'msgstr ""',
		`"Project-Id-Version: Logto Bridge ${version}\\n"`,
		'"MIME-Version: 1.0\\n"',
		'"Content-Type: text/plain; charset=UTF-8\\n"',
		'"Content-Transfer-Encoding: 8bit\\n"',
		'"Language-Team: LANGUAGE <LL@li.org>\\n"',
		`"X-Domain: ${DOMAIN}\\n"`,
	].join('\n');
	const body = [...merged.values()].map((e) =>
		[
			...e.comments.map((c) => `#. ${c}`),
			`#: ${e.references.join(' ')}`,
			...(e.msgctxt ? [`msgctxt ${po(e.msgctxt)}`] : []),
			`msgid ${po(e.msgid)}`,
			'msgstr ""',
		].join('\n'),
	);
	return `${[header, ...body].join('\n\n')}\n`;
}

function build() {
	const entries = metadataEntries();
	const problems = [];
	for (const file of sources()) {
		const result = extract(readFileSync(file, 'utf8'), relative(repoRoot, file), file.endsWith('.php') ? 'php' : 'js');
		entries.push(...result.entries);
		problems.push(...result.problems);
	}
	const version = /\* Version:\s*(\S+)/.exec(readFileSync(join(repoRoot, 'plugin', 'logto-bridge.php'), 'utf8'))?.[1] ?? '0.0.0';
	return { pot: renderPot(entries, version), problems, count: entries.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { pot, problems, count } = build();
	for (const p of problems) console.error(p);
	if (process.argv.includes('--check')) {
		let current = '';
		try {
			current = readFileSync(potFile, 'utf8');
		} catch {
			// Missing counts as stale.
		}
		if (current !== pot) console.error(`${relative(repoRoot, potFile)} is out of date: run npm run i18n`);
		process.exit(problems.length || current !== pot ? 1 : 0);
	}
	writeFileSync(potFile, pot);
	console.log(`${relative(repoRoot, potFile)}: ${count} strings${problems.length ? `, ${problems.length} calls refused` : ''}`);
	process.exit(problems.length ? 1 : 0);
}
