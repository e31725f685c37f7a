import { readFileSync } from 'node:fs';
import { demoPassword } from '../../support/start-server.js';
import { E2E_STATE_FILE } from './global-setup.js';

export function serverOutput(): string {
	return (JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { output: string }).output;
}

export const passwordOf = (username: string) => demoPassword(serverOutput(), username);

export function firstAdminPassword(): string {
	const match = /password: (\S+)/.exec(serverOutput());
	if (!match?.[1]) throw new Error('The server did not print a first administrator password');
	return match[1];
}
