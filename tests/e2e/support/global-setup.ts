import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer } from '../../support/start-server.js';

export const E2E_STATE_FILE = `test-results/e2e-server-${process.env.E2E_PORT ?? 3917}.json`;

/** One real server with the demo service, on a fresh data folder, for the whole e2e run. */
export default async function globalSetup(): Promise<void> {
	const server = await startServer({ port: Number(process.env.E2E_PORT ?? 3917), args: ['--demo'] });
	mkdirSync('test-results', { recursive: true });
	writeFileSync(E2E_STATE_FILE, JSON.stringify({ url: server.url, pid: server.pid, output: server.output }));
}
