import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive, storeProcessesOf } from '../support/processes.js';
import { startServer, stopServer } from '../support/start-server.js';
import { call } from './support.js';

// Each test starts whole server processes (tsx, then the embedded store): slow on a loaded 2-core machine.
describe('starting and stopping', { timeout: 120_000 }, () => {
	it('stops its store on SIGTERM and leaves no process behind', async () => {
		const server = await startServer({ port: 0 });
		const store = storeProcessesOf(server.pid);
		expect(store.length).toBe(1);
		await stopServer(server.child);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(store.filter(isAlive)).toEqual([]);
	});

	it('keeps the administrator across a restart and never prints the password again', async () => {
		const first = await startServer({ port: 0 });
		const password = /password: (\S+)/.exec(first.output)?.[1];
		await stopServer(first.child);
		const second = await startServer({ port: 0, env: { TANDEM_DATA_DIR: first.dataDir } });
		try {
			expect(second.output).not.toContain('password:');
			const answer = await call(second.url, 'POST', '/api/session', { body: { username: 'admin', password } });
			expect(answer.status).toBe(200);
		} finally {
			await stopServer(second.child);
		}
	});

	it('refuses to start with a bad setting and names it', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
			env: { ...process.env, PORT: 'eighty' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('PORT: PORT must be a port number');
	});
});
