import type { Dispatcher } from 'undici-types';

/**
 * A queue in front of the store's HTTP client: at most `limit` store requests of this server
 * process are in flight at once; the rest wait here, in order. Without it a burst of syncs opens
 * hundreds of connections at once and the store, short of CPU, drops some of them (answered 503).
 *
 * Invariant: the store's answer time is counted from when a request leaves the queue, so a
 * request that only waited behind others is never reported as the store not answering.
 */
export interface StoreGateOptions {
	/** Store requests in flight at once. */
	limit: number;
	/** How long the store has to start answering a request it was sent, before the server gives up (503). */
	answerTimeoutMs: number;
	/** Where requests go once let through; undici's global agent when not given. */
	inner?: Pick<Dispatcher, 'dispatch'>;
}

type Handler = Dispatcher.DispatchHandlers;

const globalDispatcher = Symbol.for('undici.globalDispatcher.1');

export class StoreNotAnswering extends Error {
	constructor(ms: number) {
		super(`The store did not start answering within ${ms} ms`);
	}
}

export class StoreGate {
	private active = 0;
	private readonly waiting: (() => void)[] = [];
	/** Most requests ever in flight at once, and how many were sent: for tests and diagnostics. */
	highWater = 0;
	sent = 0;

	constructor(private readonly options: StoreGateOptions) {}

	get queued(): number {
		return this.waiting.length;
	}

	dispatch(request: Dispatcher.DispatchOptions, handler: Handler): boolean {
		const run = () => this.forward(request, handler);
		if (this.active < this.options.limit) run();
		else this.waiting.push(run);
		return true;
	}

	private forward(request: Dispatcher.DispatchOptions, handler: Handler): void {
		this.active++;
		this.sent++;
		this.highWater = Math.max(this.highWater, this.active);
		let done = false;
		let abort: ((error?: Error) => void) | undefined;
		let timedOut: Error | undefined;
		const release = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			this.active--;
			this.waiting.shift()?.();
		};
		const timer = setTimeout(() => {
			timedOut = new StoreNotAnswering(this.options.answerTimeoutMs);
			abort?.(timedOut);
		}, this.options.answerTimeoutMs);
		const wrapped: Handler = new Proxy(handler, {
			get(target, property) {
				const value = Reflect.get(target, property, target) as unknown;
				if (typeof value !== 'function') return value;
				const method = value as (...args: unknown[]) => unknown;
				if (property === 'onConnect') {
					return (given: (error?: Error) => void) => {
						abort = given;
						method.call(target, given);
						if (timedOut) given(timedOut);
					};
				}
				if (property === 'onHeaders') {
					return (...args: unknown[]) => {
						clearTimeout(timer);
						return method.apply(target, args);
					};
				}
				if (property === 'onComplete' || property === 'onError' || property === 'onUpgrade') {
					return (...args: unknown[]) => {
						release();
						return method.apply(target, args);
					};
				}
				return method.bind(target);
			}
		});
		try {
			this.inner().dispatch(request, wrapped);
		} catch (error) {
			// Also reached from another request's release: fail this one, never the one releasing.
			release();
			handler.onError?.(error as Error);
		}
	}

	private inner(): Pick<Dispatcher, 'dispatch'> {
		const inner = this.options.inner ?? ((globalThis as Record<symbol, unknown>)[globalDispatcher] as Dispatcher | undefined);
		if (!inner) throw new Error('No HTTP client to send store requests through: call prepareStoreGate() first');
		return inner;
	}
}

/** Node makes its HTTP client (undici's global agent) on the first fetch; the gate sends through it. */
export async function prepareStoreGate(): Promise<void> {
	if (!(globalThis as Record<symbol, unknown>)[globalDispatcher]) await fetch('data:,');
}
