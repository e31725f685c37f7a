import type { VaultStatus } from './vault.svelte.js';

/** Pages that never show case data, so they open whatever the vault's state. */
const OUTSIDE_VAULT = ['/sign-in', '/unlock', '/set-passphrase'];

/** Pages for the public (referral forms, feedback links, invitations): no sign-in, no vault, no case data. */
const PUBLIC_PREFIXES = ['/refer', '/feedback/', '/invitation/'];

export const isPublicPath = (path: string) => PUBLIC_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));

/**
 * Where a person must go instead of `path`, or undefined to stay. Case data is shown only with
 * an unlocked vault; a locked one may still go to sign-in, to hand the tablet to someone else.
 */
export type GuardTarget = '/sign-in' | '/unlock' | '/set-passphrase' | '/cases';

export function guardTarget(path: string, signedIn: boolean, status: VaultStatus): GuardTarget | undefined {
	const go = (to: GuardTarget) => (to === path ? undefined : to);
	if (isPublicPath(path)) return undefined;
	if (!signedIn) return go('/sign-in');
	if (status === 'unknown') return undefined;
	if (status === 'none') return go('/set-passphrase');
	if (status === 'locked') return path === '/sign-in' ? undefined : go('/unlock');
	return OUTSIDE_VAULT.includes(path) || path === '/' ? '/cases' : undefined;
}
