import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { connectCouch, type Couch } from '../../server/store/couch.js';
import { isAlive, storeProcessesOf } from '../support/processes.js';
import { demoPassword, startServer, stopServer, type StartedServer } from '../support/start-server.js';

/**
 * The real server as a child process (`tsx server/main.ts --demo`) that the chaos test kills with
 * SIGKILL and starts again on the same port and data folder, and whose embedded store it kills
 * too (the server starts that again by itself). The store listens on a fixed port, so the test can
 * read what the server really holds, straight from the store, at the end.
 */
export interface ChaosServer {
	readonly url: string;
	readonly port: number;
	readonly dataDir: string;
	readonly kills: number;
	readonly storeKills: number;
	/** How long each restart took, in seconds. */
	readonly restartSeconds: number[];
	password(username: string): string;
	/** SIGKILL, then waits until its store has gone too (it watches the server and exits). */
	kill(): Promise<void>;
	restart(): Promise<void>;
	/** SIGKILL to the embedded store; the server answers 503 until it has started it again. */
	killStore(): Promise<void>;
	/** A direct client of the store, for reading the server's state. */
	store(): Promise<Couch>;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as { port: number };
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function startChaosServer(): Promise<ChaosServer> {
	const [port, storePort] = [await freePort(), await freePort()];
	const env = { TANDEM_STORE_PORT: String(storePort) };
	let current: StartedServer = await startServer({ port, args: ['--demo'], env });
	const { dataDir } = current;
	const firstOutput = current.output;
	let [kills, storeKills] = [0, 0];
	const restartSeconds: number[] = [];
	let couch: Couch | undefined;

	return {
		url: current.url,
		port,
		dataDir,
		get kills() {
			return kills;
		},
		get storeKills() {
			return storeKills;
		},
		restartSeconds,
		password(username) {
			if (username === 'admin') {
				const match = /password:\s+(\S+)/.exec(firstOutput);
				if (!match?.[1]) throw new Error("The server printed no administrator's password");
				return match[1];
			}
			return demoPassword(firstOutput, username);
		},
		async kill() {
			const stores = storeProcessesOf(current.pid);
			const exited = new Promise<void>((resolve) => current.child.once('exit', () => resolve()));
			current.child.kill('SIGKILL');
			await exited;
			kills++;
			await until(() => stores.every((pid) => !isAlive(pid)), 'the killed server’s store to exit');
		},
		async restart() {
			const started = Date.now();
			current = await startServer({ port, args: ['--demo'], env, dataDir });
			restartSeconds.push((Date.now() - started) / 1000);
		},
		async killStore() {
			const [store] = storeProcessesOf(current.pid);
			if (store === undefined) throw new Error('The server has no store process to kill');
			process.kill(store, 'SIGKILL');
			storeKills++;
			await until(() => !isAlive(store), 'the store to die');
		},
		async store() {
			if (couch) return couch;
			const credential = JSON.parse(await readFile(join(dataDir, 'store-admin.json'), 'utf8')) as { username: string; password: string };
			const auth = `${encodeURIComponent(credential.username)}:${encodeURIComponent(credential.password)}`;
			couch = await connectCouch(`http://${auth}@127.0.0.1:${storePort}`, 'embedded', 'tandem');
			return couch;
		},
		stop: () => stopServer(current.child)
	};
}
