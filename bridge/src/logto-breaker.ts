/**
 * Whether a Logto is up, known off the visitor's path. Slow is not down: a visitor is sent to
 * Logto unless Logto has really failed. A refused or reset connection or a name that does not
 * resolve opens the breaker at once (twice in a row: one immediate retry); error answers and
 * probes that time out open it only after `threshold` in a row; an answer that comes late is an
 * answer. Each Logto is probed every `probeMs` in the background (half-open while the breaker is
 * open), so no visitor waits for a probe except the first one after a start, and even that one
 * only `firstWaitMs` at most.
 */
export type BreakerOptions = { probeMs: number; timeoutMs: number; threshold: number; firstWaitMs: number; idleStopMs: number };

export const DEFAULT_BREAKER: BreakerOptions = { probeMs: 5000, timeoutMs: 10_000, threshold: 3, firstWaitMs: 3000, idleStopMs: 3_600_000 };

/** What one probe found: up, refused at once (hard), or an error answer / no answer in time (soft). */
type Outcome = 'up' | 'hard' | 'soft';

type Probe = { open: boolean; failures: number; lastVisit: number; first: Promise<void>; timer: NodeJS.Timeout };

const HARD = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

export class LogtoBreaker {
	private readonly probes = new Map<string, Probe>();

	constructor(private readonly options: BreakerOptions = DEFAULT_BREAKER) {}

	/** Whether visitors may be sent to the Logto serving this discovery URL. */
	async isUp(url: string): Promise<boolean> {
		let probe = this.probes.get(url);
		if (!probe) {
			probe = this.watch(url);
			// The very first visitor after a start waits for the first answer, but not for a slow one.
			await Promise.race([probe.first, new Promise((r) => setTimeout(r, this.options.firstWaitMs).unref())]);
		}
		probe.lastVisit = Date.now();
		return !probe.open;
	}

	/** Each Logto watched, by its discovery URL, and whether visitors are kept away from it (metrics). */
	states(): Array<{ url: string; open: boolean }> {
		return [...this.probes].map(([url, probe]) => ({ url, open: probe.open }));
	}

	/** Stops every background probe (the bridge is shutting down). */
	close(): void {
		for (const probe of this.probes.values()) clearInterval(probe.timer);
		this.probes.clear();
	}

	private watch(url: string): Probe {
		let running = false;
		const probe: Probe = { open: false, failures: 0, lastVisit: Date.now(), first: Promise.resolve(), timer: undefined as unknown as NodeJS.Timeout };
		const run = async () => {
			if (running) return;
			running = true;
			try {
				this.record(probe, await this.probe(url));
			} finally {
				running = false;
			}
		};
		probe.first = run();
		probe.timer = setInterval(() => {
			// A Logto nobody signs in with any more is not probed for ever.
			if (Date.now() - probe.lastVisit > this.options.idleStopMs) {
				clearInterval(probe.timer);
				this.probes.delete(url);
				return;
			}
			void run();
		}, this.options.probeMs).unref();
		this.probes.set(url, probe);
		return probe;
	}

	private record(probe: Probe, outcome: Outcome): void {
		if (outcome === 'up') {
			probe.failures = 0;
			probe.open = false;
			return;
		}
		probe.failures += 1;
		if (outcome === 'hard' || probe.failures >= this.options.threshold) probe.open = true;
	}

	/**
	 * A hard failure is asked again at once, on a new connection: a reset can be the race of a
	 * kept-alive connection the server dropped, which one visitor-less retry tells apart from a
	 * Logto that is really gone (refused twice within milliseconds).
	 */
	private async probe(url: string): Promise<Outcome> {
		const outcome = await this.ask(url);
		return outcome === 'hard' ? this.ask(url) : outcome;
	}

	private async ask(url: string): Promise<Outcome> {
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
			await res.body?.cancel();
			return res.ok ? 'up' : 'soft';
		} catch (error) {
			const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
			return code && HARD.has(code) ? 'hard' : 'soft';
		}
	}
}
