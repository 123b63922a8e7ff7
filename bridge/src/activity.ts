import { ACTIVITY, isActivityReport, type ActivityEvent } from '@logto-bridge/contract/activity';

import type { BridgeConfig } from './config.js';
import type { Logger } from './log.js';
import type { SiteConfigSource } from './site-config.js';
import { postToWordPress } from './wordpress.js';

/** Every 2 s at most, one signed report: a flood of refusals costs WordPress one request per flush, not one each. */
export const FLUSH_MS = 2000;

/**
 * Tells WordPress which sign-ins the bridge refused, for Logto > Activity (fixtures/activity.json):
 * queued, then sent in batches behind the visitors, never in their path. A queue that WordPress
 * cannot take keeps the newest `ACTIVITY.keep` events; what is lost is only ever in the log too.
 */
export class ActivityReporter {
	private queue: ActivityEvent[] = [];
	private timer: NodeJS.Timeout | undefined;
	private sending: Promise<void> | undefined;

	constructor(
		private readonly config: Pick<BridgeConfig, 'sharedSecret' | 'instance'>,
		private readonly site: Pick<SiteConfigSource, 'peek'>,
		private readonly log: Logger,
		private readonly flushMs = FLUSH_MS,
	) {}

	refused(step: ActivityEvent['step'], reason: ActivityEvent['reason'], flow: string | undefined): void {
		this.queue.push({ at: Math.floor(Date.now() / 1000), step, reason, instance: this.config.instance ?? '', flow: flow ?? '' });
		if (this.queue.length > ACTIVITY.keep) this.queue.splice(0, this.queue.length - ACTIVITY.keep);
		this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
	}

	/** Sends what is queued now (also at shutdown). */
	async flush(): Promise<void> {
		clearTimeout(this.timer);
		this.timer = undefined;
		await this.sending;
		const site = this.site.peek();
		if (!site || this.queue.length === 0) return;
		const events = this.queue.splice(0, ACTIVITY.maxEvents);
		this.sending = this.send(site, events);
		await this.sending;
		this.sending = undefined;
		if (this.queue.length > 0) this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
	}

	private async send(site: NonNullable<ReturnType<SiteConfigSource['peek']>>, events: ActivityEvent[]): Promise<void> {
		const report = { events };
		if (!isActivityReport(report)) return void this.log.error({ step: 'activity' }, 'activity report outside the contract (fixtures/activity.json); not sent');
		try {
			const res = await postToWordPress(this.config, site, 'activity', report);
			await res.body?.cancel();
			if (!res.ok) this.log.warn({ step: 'activity', status: res.status, events: events.length }, 'WordPress did not take the activity report');
		} catch (error) {
			this.log.warn({ step: 'activity', detail: (error as Error).message, events: events.length }, 'the activity report did not reach WordPress');
		}
	}
}
