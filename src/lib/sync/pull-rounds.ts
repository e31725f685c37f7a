import { LockedError } from '../crypto/keyring.js';
import type { PullRequest, PurgeReason } from '../protocol/sync-pull.js';
import type { SettledCopy } from './one-row-copy.js';
import type { PageSummary, PreparedPage } from './page-prep.js';
import type { SyncEngineDeps } from './sync-engine.js';
import type { SyncTransport, TransportFailure } from './sync-transport.js';

export type Pulled = { ok: true; at: string; purges: Map<string, PurgeReason> } | TransportFailure | { ok: false; kind: 'locked' };
/**
 * What this round's push stored, by document id: a pulled record older than one is skipped (a
 * lagging replica), and so is one the tablet already holds as sent (the push's own change back).
 */
export type Settled = ReadonlyMap<string, SettledCopy>;
type StreamPull = NonNullable<SyncTransport['pullPrepared']>;

/** A new tablet (no case, never pulled), or a case it has not read yet. */
const bringsCaseload = (asked: PullRequest) => (asked.cases.length === 0 ? asked.service?.checkpoint === undefined : asked.cases.some((c) => c.checkpoint === undefined));

/** The pull half of a round: streamed where the server can, else page by page. */
export function pullRounds(deps: Pick<SyncEngineDeps, 'store' | 'transport' | 'deviceId' | 'isUnlocked' | 'onProgress' | 'pageLimit'>) {
	const { store, transport } = deps;

	async function request(): Promise<PullRequest> {
		const [checkpoint, cases] = await Promise.all([store.serviceCheckpoint(), store.heldCases()]);
		return { deviceId: deps.deviceId, cases, service: checkpoint ? { checkpoint } : {}, ...(deps.pageLimit ? { limit: deps.pageLimit } : {}) };
	}

	function noteCommitted(page: PageSummary, purges: Map<string, PurgeReason>): void {
		for (const { caseId, reason } of page.purges) purges.set(caseId, reason);
		deps.onProgress?.({ done: page.progress.done, ...(page.progress.total === undefined ? {} : { total: page.progress.total }) });
	}

	/**
	 * The streamed pull of the transport. A new tablet's question, or one naming a case with no
	 * checkpoint, brings a caseload: prepared by the transport (in the page worker) where it can. A
	 * catch-up's few records are prepared here, as quick as handing them over and back, and with
	 * no worker to start.
	 */
	function streamOf(pushSettled: Promise<Settled>): StreamPull | undefined {
		const prepared = transport.pullPrepared?.bind(transport);
		const streamed = transport.pullStream?.bind(transport);
		if (!streamed) return prepared;
		// Pages prepared here wait for the push to settle: what it stored decides what they skip. The
		// worker is not told (a caseload rarely follows a push); the commit still checks against it.
		const here: StreamPull = (asked, context, onPage) => streamed(asked, async (page) => onPage(await store.preparePage(page, context.heldCases, await pushSettled)));
		return (asked, context, onPage) => (prepared && bringsCaseload(asked) ? prepared : here)(asked, context, onPage);
	}

	/**
	 * Every page in one answer, stored as it arrives; asks again if the answer ended early. Page
	 * k + 1 is checked and sealed while page k commits; commits run one at a time in page order
	 * (pages sealed meanwhile commit together), and after a failed one nothing later commits.
	 */
	async function pullStreamed(stream: StreamPull, pushSettled: Promise<Settled>, ask: () => Promise<PullRequest>): Promise<Pulled | undefined> {
		const purges = new Map<string, PurgeReason>();
		let at = '';
		for (let answers = 0; ; answers++) {
			if (!deps.isUnlocked()) return { ok: false, kind: 'locked' };
			let committed: Promise<void> = Promise.resolve();
			let failure: unknown;
			const ready: PreparedPage[] = [];
			const asked = await ask();
			const context = { heldCases: new Set(asked.cases.map((c) => c.caseId)) };
			const answer = await stream(asked, context, async (prepared) => {
				if (failure !== undefined) throw failure;
				if (!deps.isUnlocked()) throw new LockedError();
				ready.push(prepared);
				committed = committed.then(async () => {
					const batch = ready.splice(0);
					if (batch.length === 0) return;
					// Pages wait for the push to settle on the device: what it stored decides what they skip.
					await store.commitPages(batch, await pushSettled);
					for (const { page } of batch) noteCommitted(page, purges);
					at = batch.at(-1)!.page.serverTime;
				});
				committed.catch((error: unknown) => (failure ??= error));
			}).finally(() => committed.catch(() => undefined));
			await committed;
			// An older server without the streamed pull: page by page instead.
			if (!answer.ok) return answer.kind === 'unsupported' && answers === 0 ? undefined : answer;
			if (answer.value.done) return { ok: true, at, purges };
			// Cut off part-way; the checkpoints stored so far say where to go on from, but an answer with no page is a failure.
			if (answer.value.pages === 0) return { ok: false, kind: 'offline', message: 'The connection dropped while the caseload was loading.' };
		}
	}

	async function pullPaged(pushSettled: Promise<Settled>, ask: () => Promise<PullRequest>): Promise<Pulled> {
		const purges = new Map<string, PurgeReason>();
		for (;;) {
			if (!deps.isUnlocked()) return { ok: false, kind: 'locked' };
			const asked = await ask();
			const answer = await transport.pull(asked);
			if (!answer.ok) return answer;
			await pushSettled;
			// A page and its checkpoints commit together; what is committed stands if the round stops after it.
			await store.storePage(answer.value, new Set(asked.cases.map((c) => c.caseId)));
			noteCommitted(answer.value, purges);
			if (answer.value.done) return { ok: true, at: answer.value.serverTime, purges };
		}
	}

	/**
	 * `asked`: the first question, read from the device beforehand (beside the push: it changes no
	 * checkpoint, and a case it could leave without records stays asked for, which the server answers).
	 * `settled`: what the push stored, or the push still settling; nothing is stored before it has.
	 */
	async function pull(settled: Settled | Promise<Settled>, asked?: Promise<PullRequest>): Promise<Pulled> {
		const pushSettled = Promise.resolve(settled);
		let first = asked;
		// The first question once; every later answer is asked for from the checkpoints stored since.
		const ask = () => {
			const question = first ?? request();
			first = undefined;
			return question;
		};
		const stream = streamOf(pushSettled);
		const streamed = stream ? await pullStreamed(stream, pushSettled, ask) : undefined;
		return streamed ?? pullPaged(pushSettled, ask);
	}

	return Object.assign(pull, { request });
}
