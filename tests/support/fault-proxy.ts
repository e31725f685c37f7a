import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULT_KINDS = ['drop-request', 'drop-response', 'delay', 'duplicate', 'reorder', '502'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Chances per request, each in [0, 1]; one of the exclusive faults is drawn, delay is drawn on its own. */
export interface FaultPlan {
	dropRequest: number;
	dropResponse: number;
	duplicate: number;
	reorder: number;
	badGateway: number;
	delay: number;
	delayMs: [number, number];
	/** The longest a held request waits for a later one to overtake it. */
	holdMs: number;
}

export const NO_FAULTS: FaultPlan = { dropRequest: 0, dropResponse: 0, duplicate: 0, reorder: 0, badGateway: 0, delay: 0, delayMs: [0, 0], holdMs: 0 };

export interface FaultProxy {
	url: string;
	port: number;
	/** Faults injected so far, by kind: each counted only once it has really happened. */
	readonly counts: Record<FaultKind, number>;
	/** 502s answered because the server could not be reached (it was down): not injected. */
	readonly upstreamDown: number;
	/** Requests passed on to the server, copies included. */
	readonly forwarded: number;
	/** What each request met, in order: for the proxy's own tests and for replay logs. */
	readonly events: { seq: number; method: string; path: string; fault?: FaultKind }[];
	plan: FaultPlan;
	close(): Promise<void>;
}

export interface FaultProxyOptions {
	target: { host?: string; port: number };
	seed: number;
	plan?: FaultPlan;
	/** Which requests may meet a fault; by default every API call (the app's files pass untouched). */
	applies?: (method: string, path: string) => boolean;
}

/** mulberry32: small and seeded. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Answer {
	status: number;
	headers: string[];
	body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'content-length']);
const readAll = (stream: IncomingMessage) =>
	new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A reverse proxy that misbehaves like a bad network, with seeded chances: it drops a connection
 * before passing the request on (`drop-request`) or after the server has answered (`drop-response`,
 * the case idempotent push exists for), delays, sends a request to the server twice (`duplicate`,
 * side by side or one after the other), holds a request until a later one has been answered
 * (`reorder`), or answers 502 itself. The Host header passes unchanged, as a transparent proxy's would.
 * Requests arrive in an order the operating system decides, so a seed replays the chances, not
 * every request's fate.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
	const rand = prng(options.seed);
	const applies = options.applies ?? ((_method, path) => path.startsWith('/api/'));
	const counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
	const events: FaultProxy['events'] = [];
	const held: { seq: number; release: () => void }[] = [];
	let [seq, upstreamDown, forwarded] = [0, 0, 0];

	function forward(req: IncomingMessage, body: Buffer): Promise<Answer> {
		forwarded++;
		const headers: Record<string, string | string[]> = {};
		for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
		headers['content-length'] = String(body.length);
		return new Promise((resolve, reject) => {
			const out = httpRequest({ host: options.target.host ?? '127.0.0.1', port: options.target.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
				readAll(res).then((data) => {
					const kept: string[] = [];
					for (let i = 0; i < res.rawHeaders.length; i += 2) if (!HOP_BY_HOP.has(res.rawHeaders[i]!.toLowerCase())) kept.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
					resolve({ status: res.statusCode ?? 502, headers: kept, body: data });
				}, reject);
			});
			out.on('error', reject);
			out.end(body);
		});
	}

	/** A later request has been answered: every request held before it may go now. */
	function overtaken(by: number): void {
		for (const waiting of held.filter((h) => h.seq < by)) {
			held.splice(held.indexOf(waiting), 1);
			waiting.release();
		}
	}

	function draw(): FaultKind | undefined {
		const p = proxy.plan;
		const r = rand();
		let edge = 0;
		const order: [FaultKind, number][] = [['drop-request', p.dropRequest], ['drop-response', p.dropResponse], ['duplicate', p.duplicate], ['reorder', p.reorder], ['502', p.badGateway]];
		for (const [kind, chance] of order) if (r < (edge += chance)) return kind;
		return undefined;
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const mine = ++seq;
		const path = req.url ?? '/';
		const faulty = applies(req.method ?? 'GET', path);
		const fault = faulty ? draw() : undefined;
		const delay = faulty && rand() < proxy.plan.delay ? proxy.plan.delayMs[0] + rand() * (proxy.plan.delayMs[1] - proxy.plan.delayMs[0]) : 0;
		const sideBySide = rand() < 0.5;
		events.push({ seq: mine, method: req.method ?? 'GET', path, ...(fault ? { fault } : {}) });
		if (fault === 'drop-request') {
			// Gone before the server saw any of it.
			counts['drop-request']++;
			req.socket.destroy();
			return;
		}
		const body = await readAll(req);
		if (delay > 0) {
			counts.delay++;
			await sleep(delay);
		}
		if (fault === '502') {
			counts['502']++;
			res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
			return;
		}
		if (fault === 'reorder') {
			const overtakenInTime = await new Promise<boolean>((resolve) => {
				const entry = { seq: mine, release: () => resolve(true) };
				held.push(entry);
				setTimeout(() => (held.includes(entry) ? (held.splice(held.indexOf(entry), 1), resolve(false)) : undefined), proxy.plan.holdMs);
			});
			if (overtakenInTime) counts.reorder++;
			else if (delay === 0) counts.delay++;
		}
		let answer: Answer;
		try {
			if (fault === 'duplicate') {
				// Both copies reach the server; the device sees one answer.
				const answers = sideBySide ? await Promise.all([forward(req, body), forward(req, body)]) : [await forward(req, body), await forward(req, body)];
				counts.duplicate++;
				answer = answers[1]!;
			} else {
				answer = await forward(req, body);
			}
		} catch {
			upstreamDown++;
			overtaken(mine);
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
			return;
		}
		overtaken(mine);
		if (fault === 'drop-response') {
			// The server has done the work; the device never hears of it.
			counts['drop-response']++;
			res.socket?.destroy();
			return;
		}
		res.writeHead(answer.status, answer.headers);
		res.end(answer.body);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch(() => res.socket?.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const proxy: FaultProxy = {
		url: `http://127.0.0.1:${port}`,
		port,
		counts,
		get upstreamDown() {
			return upstreamDown;
		},
		get forwarded() {
			return forwarded;
		},
		events,
		plan: options.plan ?? NO_FAULTS,
		close() {
			for (const h of held.splice(0)) h.release();
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
	return proxy;
}
