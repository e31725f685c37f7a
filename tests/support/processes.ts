import { readFileSync, readdirSync } from 'node:fs';

/** The direct children of a process, from every thread's list in Linux's /proc. */
function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const task of readdirSync(`/proc/${pid}/task`)) {
		const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
		if (list) children.push(...list.split(/\s+/).map(Number));
	}
	return children;
}

const commandLine = (pid: number) => {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		return '';
	}
};

/** The embedded store processes a server started (not, say, the esbuild service tsx starts). */
export function storeProcessesOf(serverPid: number): number[] {
	return childrenOf(serverPid).filter((pid) => commandLine(pid).includes('embedded-store-process'));
}

/** Running, as opposed to gone or a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}
