import { readFileSync } from 'node:fs';
import { E2E_STATE_FILE } from './global-setup.js';

export default async function globalTeardown(): Promise<void> {
	const { pid } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { pid: number };
	try {
		process.kill(pid, 'SIGTERM');
	} catch {
		return;
	}
	// Wait for the server (and the store it started) to stop, so no process outlives the run.
	for (let i = 0; i < 100; i++) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
