// Resident memory of a process and of its children (the server and its embedded store), from /proc.
import { readFileSync } from 'node:fs';

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const childrenOf = (pid: number) =>
	readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
		.split(' ')
		.filter((s) => s.trim() !== '')
		.map(Number);

/** MiB: the process itself, and all its children together. */
export function memoryOf(pid: number): { serverRssMiB: number; storeRssMiB: number } {
	const toMiB = (kib: number) => Number((kib / 1024).toFixed(1));
	try {
		return { serverRssMiB: toMiB(rssKiB(pid)), storeRssMiB: toMiB(childrenOf(pid).reduce((sum, child) => sum + rssKiB(child), 0)) };
	} catch {
		return { serverRssMiB: NaN, storeRssMiB: NaN };
	}
}
