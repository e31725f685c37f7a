import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { redact } from './store/couch.js';

function printStart(running: Awaited<ReturnType<typeof boot>>, storeNote: string): void {
	const lines = ['', `  Tandem is running at ${running.url}`, `  Store: ${storeNote}`];
	if (running.firstAdmin) {
		lines.push(
			'',
			'  First start: an administrator account was made. Its password is shown only this once:',
			`    username: ${running.firstAdmin.username}`,
			`    password: ${running.firstAdmin.password}`
		);
	}
	if (running.demo) {
		lines.push('', '  Demo service (fictional people and cases). Sign in as:');
		for (const person of running.demo) lines.push(`    ${person.username.padEnd(14)} ${person.password}   ${person.roles.join(', ')}`);
	}
	lines.push('', '  Press Ctrl+C to stop.', '');
	console.log(lines.join('\n'));
}

async function main(): Promise<void> {
	const config = loadConfig(process.env, process.argv.slice(2));
	const running = await boot(config, { logger: process.env.TANDEM_LOG === '1' });
	printStart(running, config.couchUrl ? `Apache CouchDB at ${redact(config.couchUrl)}` : `embedded, data in ${config.dataDir}`);
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n  ${signal}: stopping Tandem…`);
		running.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof ConfigError ? error.message : error);
	process.exit(1);
});
