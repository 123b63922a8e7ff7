import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import ts from 'typescript';

import { repoRoot } from '../lib/paths.mjs';

// The settings app's types are checked against the plugin's one field table
// (Settings_Fields::FIELDS), so a field added there and not here, or typed differently, fails.
const COMPUTED = new Set(['locked', 'inherited', 'uris', 'available_roles', 'bridge_secret_from_constant']);

function fieldTable() {
	const php = `define( 'ABSPATH', '' ); require '${join(repoRoot, 'plugin/includes/settings/class-settings-fields.php')}'; echo json_encode( LogtoBridge\\Settings_Fields::FIELDS );`;
	const run = spawnSync(process.env.PHP_BIN ?? 'php', ['-r', php], { encoding: 'utf8' });
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout);
}

function typeShapes() {
	const file = join(repoRoot, 'blocks/src/settings/types.ts');
	const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, jsx: ts.JsxEmit.Preserve });
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(file);
	const kind = (type) => {
		if (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return 'string';
		if (type.flags & ts.TypeFlags.StringLike) return 'string';
		if (type.flags & ts.TypeFlags.BooleanLike || (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral))) return 'boolean';
		if (checker.isArrayType(type)) return 'array';
		return 'object';
	};
	const shapes = {};
	ts.forEachChild(source, (node) => {
		if (!ts.isTypeAliasDeclaration(node)) return;
		const type = checker.getTypeAtLocation(node.name);
		shapes[node.name.text] = Object.fromEntries(
			checker.getPropertiesOfType(type).map((p) => [p.name, kind(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, node)))]),
		);
	});
	return shapes;
}

test("the settings app's types match the plugin's field table", () => {
	const fields = fieldTable();
	const { Settings, SettingsUpdate } = typeShapes();
	assert.ok(Settings && SettingsUpdate, 'types.ts declares Settings and SettingsUpdate');
	for (const [key, field] of Object.entries(fields)) {
		if (field.browser === 'write_only') {
			assert.equal(Settings[`${key}_set`], 'boolean', `Settings.${key}_set: the browser only learns whether ${key} is set`);
			assert.equal(Settings[key], undefined, `Settings has no ${key}: it is write-only`);
			assert.equal(SettingsUpdate[key], field.type, `SettingsUpdate.${key} is a ${field.type}`);
		} else {
			assert.equal(Settings[key], field.type, `Settings.${key} is a ${field.type}`);
			assert.equal(SettingsUpdate[key], field.type, `SettingsUpdate.${key} is a ${field.type}`);
		}
	}
	const known = new Set([...Object.keys(fields), ...Object.keys(fields).map((k) => `${k}_set`), ...COMPUTED]);
	for (const key of Object.keys(Settings)) assert.ok(known.has(key), `Settings.${key} is neither a field of Settings_Fields nor computed by Settings::for_browser()`);
});
