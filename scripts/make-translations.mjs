// Builds the shipped translations from plugin/languages/logto-bridge-<locale>.po, with
// gettext-parser: the .po merged with the current .pot (new strings added untranslated, gone
// ones dropped, references refreshed), the compiled .mo for PHP, and the JSON file of the
// settings app's strings under the name `wp i18n make-json` gives it, which
// wp_set_script_translations() looks for: <domain>-<locale>-<md5 of build/settings/index.js>.json.
// With --check it writes nothing and fails when a file is stale or a string is untranslated.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import gettextParser from 'gettext-parser';

import { repoRoot } from './lib/paths.mjs';

const DOMAIN = 'logto-bridge';
const languages = join(repoRoot, 'plugin', 'languages');
/** The settings app: its sources, and the built script WordPress loads (relative to the plugin). */
const SETTINGS_SOURCES = 'blocks/src/settings/';
const SETTINGS_SCRIPT = 'build/settings/index.js';

export const jsonFileName = (locale) => `${DOMAIN}-${locale}-${createHash('md5').update(SETTINGS_SCRIPT).digest('hex')}.json`;

/** The .po, .mo and JSON contents for one locale's .po file, and its untranslated strings. */
export function buildLocale(potText, poText) {
	const pot = gettextParser.po.parse(potText);
	const po = gettextParser.po.parse(poText);
	const locale = po.headers.Language;
	const untranslated = [];
	const merged = { charset: 'utf-8', headers: { ...po.headers }, translations: {} };
	const json = { '': { domain: 'messages', lang: locale, 'plural-forms': po.headers['Plural-Forms'] ?? 'nplurals=1; plural=0;' } };
	for (const [context, entries] of Object.entries(pot.translations)) {
		merged.translations[context] = {};
		for (const [id, entry] of Object.entries(entries)) {
			if (id === '') {
				merged.translations[context][''] = po.translations['']?.[''] ?? entry;
				continue;
			}
			const msgstr = po.translations[context]?.[id]?.msgstr ?? [''];
			if (!msgstr[0]) untranslated.push(context ? `${context}|${id}` : id);
			merged.translations[context][id] = { ...entry, msgstr };
			if ((entry.comments?.reference ?? '').includes(SETTINGS_SOURCES) && msgstr[0]) json[context ? `${context}\u0004${id}` : id] = msgstr;
		}
	}
	const jed = { 'translation-revision-date': po.headers['PO-Revision-Date'] ?? '', generator: 'logto-bridge scripts/make-translations.mjs', domain: 'messages', locale_data: { messages: json } };
	return {
		locale,
		untranslated,
		po: gettextParser.po.compile(merged, { foldLength: 0 }),
		mo: gettextParser.mo.compile(merged),
		json: `${JSON.stringify(jed)}\n`,
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const check = process.argv.includes('--check');
	const potText = readFileSync(join(languages, `${DOMAIN}.pot`));
	let failed = false;
	for (const file of readdirSync(languages).filter((f) => f.startsWith(`${DOMAIN}-`) && f.endsWith('.po'))) {
		const poFile = join(languages, file);
		const built = buildLocale(potText, readFileSync(poFile));
		const outputs = [
			[poFile, built.po],
			[poFile.replace(/\.po$/, '.mo'), built.mo],
			[join(languages, jsonFileName(built.locale)), Buffer.from(built.json)],
		];
		for (const id of built.untranslated) console.error(`${file}: untranslated: ${id}`);
		failed ||= built.untranslated.length > 0;
		for (const [path, content] of outputs) {
			if (check) {
				let current = Buffer.alloc(0);
				try {
					current = readFileSync(path);
				} catch {
					// Missing counts as stale.
				}
				if (!current.equals(content)) {
					console.error(`${relative(repoRoot, path)} is out of date: run npm run i18n`);
					failed = true;
				}
			} else writeFileSync(path, content);
		}
		if (!check) console.log(`${file}: ${built.untranslated.length} untranslated; .mo and ${jsonFileName(built.locale)} written`);
	}
	process.exit(failed ? 1 : 0);
}
