import assert from 'node:assert/strict';
import { test } from 'node:test';

import examples from '../../fixtures/activity.json' with { type: 'json' };
import { isActivityReport } from '../src/activity.js';

test('the activity reports of fixtures/activity.json: the valid pass, each invalid one is refused', () => {
	for (const report of examples.valid) assert.ok(isActivityReport(report), JSON.stringify(report));
	for (const report of examples.invalid) assert.ok(!isActivityReport(report), JSON.stringify(report));
	const tooMany = { events: Array.from({ length: examples.maxEvents + 1 }, () => examples.valid[0]!.events[0]) };
	assert.ok(!isActivityReport(tooMany), 'more events than a report holds');
});
