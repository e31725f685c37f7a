import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedServer {
	url: string;
	dataDir: string;
	pid: number;
	/** Everything the server printed, for reading the credentials it shows at first start. */
	output: string;
	child: ChildProcess;
}

/**
 * Starts the real server (`tsx server/main.ts`) on a fresh data folder (or, to restart one, the
 * folder it used), as a person would, and resolves once it prints its URL.
 */
export async function startServer(options: { port: number; args?: string[]; env?: Record<string, string>; dataDir?: string }): Promise<StartedServer> {
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tandem-test-')));
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...(options.args ?? [])], {
		env: { ...process.env, PORT: String(options.port), TANDEM_DATA_DIR: dataDir, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /Tandem is running at (\S+)/.exec(output);
			if (match && /Press Ctrl\+C/.test(output)) {
				clearTimeout(timer);
				resolve({ url: match[1]!, dataDir, pid: child.pid!, output, child });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`The server exited (code ${code}) before it started:\n${output}`));
		});
	});
}

/** Reads "username password roles" lines the server prints for the demo service. */
export function demoPassword(output: string, username: string): string {
	const match = new RegExp(`^\\s+${username}\\s+(\\S+)\\s`, 'm').exec(output);
	if (!match?.[1]) throw new Error(`No demo password for ${username} in the server's output`);
	return match[1];
}

export function stopServer(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}
