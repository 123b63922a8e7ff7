import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

import { extract, renderPot } from '../make-pot.mjs';
import { repoRoot } from '../lib/paths.mjs';

test('a call without a literal string or with another text domain is refused, by file and line', () => {
	const php = "<?php\n$a = __( 'Fine', 'logto-bridge' );\n$b = __( $dynamic, 'logto-bridge' );\n$c = esc_html__( 'Other', 'default' );\n_e( 'No domain' );\n";
	const { entries, problems } = extract(php, 'x.php', 'php');
	assert.deepEqual(entries.map((e) => e.msgid), ['Fine']);
	assert.deepEqual(problems.map((p) => p.split(': ')[0]), ['x.php:3', 'x.php:4', 'x.php:5']);
});

test('escapes survive, and a translators comment goes to the first call below it only', () => {
	const php = "<?php\n/* translators: %s: a field label. */\n$e = sprintf( __( 'It\\'s %s', 'logto-bridge' ), __( 'Label', 'logto-bridge' ) );\n";
	const { entries } = extract(php, 'x.php', 'php');
	assert.deepEqual(entries.map((e) => [e.msgid, e.comments]), [["It's %s", ['translators: %s: a field label.']], ['Label', []]]);
	const pot = renderPot([...entries, { msgid: 'Say "hi"\n', reference: 'y.tsx:1', comments: [] }], '1.0.0');
	assert.match(pot, /#\. translators: %s: a field label\.\n#: x\.php\nmsgid "It's %s"/);
	assert.match(pot, /msgid "Say \\"hi\\"\\n"/);
});

test('plugin/languages/logto-bridge.pot is current and every call is translatable', () => {
	const run = spawnSync(process.execPath, [`${repoRoot}/scripts/make-pot.mjs`, '--check'], { encoding: 'utf8' });
	assert.equal(run.status, 0, run.stderr);
});
