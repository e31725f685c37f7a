// The real server, `tsx server/main.ts`, on a seeded data folder; and a colleague's tablet
// pushing a day's notes to it over HTTP (for the catch-up sync).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { exampleWith } from '../../src/lib/domain/record-fixtures.js';
import type { PushResponse } from '../../src/lib/protocol/sync.js';
import { diffRecords } from '../../src/lib/sync/merge/record-changes.js';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface RunningServer {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

/** `nodeArgs`: e.g. `--cpu-prof` for a profile of the server under load. */
export async function startServer(dataDir: string, port: number, storePort: number, nodeArgs: string[] = []): Promise<RunningServer> {
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
		env: { ...process.env, PORT: String(port), TANDEM_DATA_DIR: dataDir, TANDEM_STORE_PORT: String(storePort), NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://localhost:${port}`;
	for (let tries = 0; ; tries++) {
		if (child.exitCode !== null) throw new Error(`The server stopped during start-up (exit code ${child.exitCode})`);
		const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
		if (healthy) break;
		if (tries > 300) throw new Error('The server did not start within 60 s');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		url,
		pid: child.pid!,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/** A colleague's tablet: signs in as its own device and pushes new case notes, as the app would. */
export async function colleagueTablet(url: string, username: string, password: string) {
	const deviceId = `colleague-${randomUUID()}`;
	const answer = await fetch(`${url}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device: { id: deviceId, label: 'Colleague tablet' } })
	});
	if (!answer.ok) throw new Error(`Colleague sign-in answered ${answer.status}`);
	const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const userId = ((await answer.json()) as { id: string }).id;
	return {
		async pushNotes(caseIds: string[], count: number, day: number): Promise<void> {
			const at = new Date().toISOString();
			const mutations = Array.from({ length: count }, (_, i) => {
				const caseId = caseIds[i % caseIds.length]!;
				const note = exampleWith('case-note', (n) => {
					Object.assign(n, { id: `colleague-${day}-${i}-${randomUUID().slice(0, 8)}`, caseId, text: `Day ${day}: phoned about the meeting plan. `.repeat(8).trim(), createdBy: userId, createdAt: at, updatedAt: at });
				});
				return { mutationId: randomUUID(), recordId: note.id as string, recordType: 'case-note' as const, caseId, changes: diffRecords(undefined, note), deviceTime: at, deviceId };
			});
			const pushed = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ mutations }) });
			if (!pushed.ok) throw new Error(`Colleague push answered ${pushed.status}: ${await pushed.text()}`);
			const results = ((await pushed.json()) as PushResponse).results;
			const applied = results.filter((r) => r.status === 'applied').length;
			if (applied !== count) throw new Error(`Colleague push: ${applied} of ${count} applied: ${JSON.stringify(results.find((r) => r.status !== 'applied'))}`);
		}
	};
}
