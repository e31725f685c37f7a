import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EmbeddedStore {
	url: string;
	stop(): Promise<void>;
}

interface StoreCredential {
	username: string;
	password: string;
}

const STARTUP_TIMEOUT_MS = 30_000;
const RESTART_DELAY_MS = 500;
const entry = fileURLToPath(new URL('./embedded-store-process.ts', import.meta.url));

/** The store's admin credential lives in the data folder, made once, readable by its owner only. */
async function loadOrCreateCredential(dataDir: string): Promise<StoreCredential> {
	const file = join(dataDir, 'store-admin.json');
	try {
		return JSON.parse(await readFile(file, 'utf8')) as StoreCredential;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const credential = { username: 'tandem-server', password: randomBytes(24).toString('base64url') };
	await writeFile(file, JSON.stringify(credential), { mode: 0o600, flag: 'wx' });
	return credential;
}

function spawnStore(dataDir: string, port: number, credential: StoreCredential): { child: ChildProcess; listening: Promise<number> } {
	const child = fork(entry, [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, NODE_ENV: 'production' }
	});
	const listening = new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('The embedded store did not start within 30 s')), STARTUP_TIMEOUT_MS);
		child.on('message', (message: { type: string; port?: number; reason?: string }) => {
			if (message.type === 'listening' && message.port) {
				clearTimeout(timer);
				resolve(message.port);
			}
			if (message.type === 'failed') reject(new Error(`The embedded store failed to start: ${message.reason}`));
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`The embedded store stopped during start-up (exit code ${code})`));
		});
	});
	child.send({ type: 'start', dataDir, port, ...credential });
	return { child, listening };
}

/**
 * Starts the embedded store as a child process on loopback and resolves once it listens.
 * If it dies, it is started again on the same port; meanwhile the API answers 503.
 */
export async function startEmbeddedStore(dataDir: string, port: number): Promise<EmbeddedStore> {
	await mkdir(join(dataDir, 'db'), { recursive: true, mode: 0o700 });
	const credential = await loadOrCreateCredential(dataDir);
	let current = spawnStore(dataDir, port, credential);
	const actualPort = await current.listening;
	let stopping = false;

	const supervise = (child: ChildProcess) => {
		child.once('exit', (code, signal) => {
			if (stopping) return;
			console.error(`The embedded store stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again.`);
			setTimeout(() => {
				if (stopping) return;
				current = spawnStore(dataDir, actualPort, credential);
				current.listening.then(
					() => supervise(current.child),
					(error: Error) => {
						console.error(`${error.message}; the server cannot go on without its store.`);
						process.exit(1);
					}
				);
			}, RESTART_DELAY_MS);
		});
	};
	supervise(current.child);

	const auth = `${encodeURIComponent(credential.username)}:${encodeURIComponent(credential.password)}`;
	return {
		url: `http://${auth}@127.0.0.1:${actualPort}`,
		async stop() {
			stopping = true;
			const { child } = current;
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.send({ type: 'stop' });
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
}
