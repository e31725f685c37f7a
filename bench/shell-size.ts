// Measures what a facilitator's tablet downloads to have the app shell offline: every file the
// service worker precaches (read from its manifest in build/sw.js: JS, CSS, the HTML fallback, the
// web manifest, icons, the background-sync script), plus the worker itself and its workbox runtime,
// each gzipped one by one (as a server would send them). Run after `npm run build`:
// npx tsx bench/shell-size.ts → bench/results/shell-size.json
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startResult } from './lib/result.js';

const result = startResult('shell-size');
const root = 'build';
const worker = readFileSync(join(root, 'sw.js'), 'utf8');
const precached = [...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
if (precached.length === 0) throw new Error('build/sw.js lists no precached files: is the build current?');
const runtime = readdirSync(root).filter((name) => /^workbox-.*\.js$/.test(name));
const files = [...new Set([...precached, 'sw.js', ...runtime])];

const sizes = files.map((file) => {
	const bytes = readFileSync(join(root, file));
	return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const kindOf = (file: string) => (file === 'sw.js' || runtime.includes(file) ? 'worker' : file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : 'other');
const total = (kind: string) => {
	const of = sizes.filter((s) => kindOf(s.file) === kind);
	return { files: of.length, rawBytes: of.reduce((sum, s) => sum + s.raw, 0), gzipBytes: of.reduce((sum, s) => sum + s.gzip, 0) };
};
const [js, css, other, workerFiles] = [total('js'), total('css'), total('other'), total('worker')];
const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));
await result.write({
	how: 'Every file the service worker precaches (its manifest in build/sw.js), plus sw.js and the workbox runtime it loads: what a tablet downloads to be offline-ready. Each gzipped at level 9 and summed. Deterministic for a build: one measurement.',
	precachedFiles: precached.length,
	js,
	css,
	other,
	worker: workerFiles,
	totalGzipKiB: kib(js.gzipBytes + css.gzipBytes + other.gzipBytes + workerFiles.gzipBytes),
	jsCssGzipKiB: kib(js.gzipBytes + css.gzipBytes),
	largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5),
	goals: { totalGzip: '≤ 120 KiB' }
});
console.log(`App shell: ${precached.length} precached files + the worker, ${kib(js.gzipBytes + css.gzipBytes + other.gzipBytes + workerFiles.gzipBytes)} KiB gzipped (JS ${kib(js.gzipBytes)} KiB in ${js.files} files, CSS ${kib(css.gzipBytes)} KiB, other ${kib(other.gzipBytes)} KiB, worker ${kib(workerFiles.gzipBytes)} KiB)`);
