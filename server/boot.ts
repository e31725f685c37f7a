import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { loadDemoService, type DemoCredential } from './services/demo-service.js';
import { ensureFirstAdministrator } from './services/first-administrator.js';
import { scheduleRetention } from './services/retention-job.js';
import { createServices } from './services/services.js';
import { scheduleMutationLogPruning } from './services/sync-log-retention.js';
import { connectCouch, waitForStore } from './store/couch.js';
import { ACCESS_REVIEW_DESIGN, AUDIT_DESIGN, RECORDS_DESIGN, ensureDesignDoc } from './store/design-docs.js';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded-store.js';

export interface Running {
	app: FastifyInstance;
	url: string;
	firstAdmin?: { username: string; password: string };
	demo?: DemoCredential[];
	stop(): Promise<void>;
}

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Starts the store (embedded unless COUCHDB_URL is set), waits for it, then opens the HTTP port. */
export async function boot(config: Config, options: { logger?: boolean } = {}): Promise<Running> {
	let embedded: EmbeddedStore | undefined;
	try {
		embedded = config.couchUrl ? undefined : await startEmbeddedStore(config.dataDir, config.storePort);
		const storeUrl = config.couchUrl ?? embedded?.url ?? '';
		await waitForStore(storeUrl);
		const couch = await connectCouch(storeUrl, embedded ? 'embedded' : 'couchdb', config.dbPrefix);
		await ensureDesignDoc(couch.dbs.records, RECORDS_DESIGN);
		await ensureDesignDoc(couch.dbs.audit, AUDIT_DESIGN);
		await ensureDesignDoc(couch.dbs.audit, ACCESS_REVIEW_DESIGN);
		const services = await createServices(couch, version);
		const now = new Date();
		const firstAdmin = await ensureFirstAdministrator(services.accounts, now);
		const demo = config.demo ? await loadDemoService(config.dataDir, services.accounts, services.cases, now) : undefined;
		const app = await buildApp({ services, appDir: config.appDir, logger: options.logger, trustProxy: config.trustProxy });
		await app.listen({ port: config.port, host: config.host });
		const stopRetention = config.retentionHours > 0 ? scheduleRetention(services, config.retentionHours * 3_600_000, (error) => app.log.error(error)) : () => undefined;
		const pruning = scheduleMutationLogPruning(couch.dbs.records, (error) => app.log.error({ err: error }, 'Pruning old sync log entries failed'));
		const address = app.server.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
		return {
			app,
			url: `http://${host}:${port}`,
			firstAdmin,
			demo,
			async stop() {
				stopRetention();
				pruning.stop();
				await app.close();
				await embedded?.stop();
			}
		};
	} catch (error) {
		await embedded?.stop();
		throw error;
	}
}
