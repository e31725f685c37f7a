import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseCaseRecord, type CaseRecord } from '../../src/lib/domain/case-record.js';
import type { Role } from '../../src/lib/protocol/auth.js';
import { buildApp } from '../../server/app.js';
import { createServices, type Services } from '../../server/services/services.js';
import { connectCouch } from '../../server/store/couch.js';
import { ACCESS_REVIEW_DESIGN, AUDIT_DESIGN, RECORDS_DESIGN, ensureDesignDoc } from '../../server/store/design-docs.js';
import { startEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded-store.js';

/**
 * The app without a port: one embedded store per test file (or Apache CouchDB when COUCHDB_URL
 * is set, under a fresh database prefix), requests through `app.inject`.
 */
export interface InProcess {
	app: FastifyInstance;
	services: Services;
	stop(): Promise<void>;
}

export async function startInProcess(): Promise<InProcess> {
	const couchUrl = process.env.COUCHDB_URL;
	const store: EmbeddedStore | undefined = couchUrl ? undefined : await startEmbeddedStore(await mkdtemp(join(tmpdir(), 'tandem-inproc-')), 0);
	const prefix = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
	const couch = await connectCouch(couchUrl ?? store!.url, couchUrl ? 'couchdb' : 'embedded', prefix);
	await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
	await ensureDesignDoc(couch.dbs.audit, AUDIT_DESIGN);
	await ensureDesignDoc(couch.dbs.audit, ACCESS_REVIEW_DESIGN);
	const services = await createServices(couch, 'test');
	const app = await buildApp({ services, appDir: join(tmpdir(), 'no-app-here') });
	return {
		app,
		services,
		async stop() {
			await app.close();
			if (couchUrl) for (const name of Object.values(couch.names)) await couch.server.db.destroy(name).catch(() => undefined);
			await store?.stop();
		}
	};
}

export const PASSWORD = 'correct horse battery staple';

export async function addUser(services: Services, username: string, roles: Role[]): Promise<string> {
	const user = await services.accounts.create({ username, displayName: `Test ${username}`, roles, password: PASSWORD }, new Date());
	if (!user) throw new Error(`Could not make ${username}`);
	return user.id;
}

export async function addCase(services: Services, id: string, reference: string, by: string, facilitatorIds: string[], closed = false): Promise<CaseRecord> {
	const at = new Date().toISOString();
	const parsed = parseCaseRecord({
		type: 'case', v: 1, id, reference, referralSource: 'self', justiceStage: 'custodial-sentence',
		stage: closed ? 'closed' : 'assessment', status: closed ? 'closed' : 'open',
		...(closed ? { exitReason: 'completed', exitDate: at } : {}),
		facilitatorIds, coordinatorId: by, createdAt: at, updatedAt: at, createdBy: by
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	await services.cases.create(parsed.value);
	for (const userId of facilitatorIds) await services.accounts.assign(userId, id, new Date());
	return parsed.value;
}

/** Signs in through the API and returns the cookie header the browser would send next. */
export async function signIn(app: FastifyInstance, username: string, device?: { id: string; label: string }): Promise<string> {
	const answer = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: PASSWORD, ...(device ? { device } : {}) } });
	if (answer.statusCode !== 200) throw new Error(`Sign-in as ${username} failed: ${answer.statusCode} ${answer.body}`);
	return cookieHeader(answer);
}

export function cookieHeader(answer: LightMyRequestResponse): string {
	return answer.cookies.filter((c) => c.value !== '').map((c) => `${c.name}=${c.value}`).join('; ');
}
