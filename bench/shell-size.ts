// Measures what a device downloads to run the app shell: every JS and CSS file the service worker
// precaches, gzipped one by one (as a server would send them). Run after `npm run build`:
// npx tsx bench/shell-size.ts → bench/results/shell-size.json
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startResult } from './lib/result.js';

const result = startResult('shell-size');
const root = 'build';
const files: string[] = [];
(function walk(dir: string) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path);
		else if (/\.(js|css)$/.test(name) && !name.startsWith('workbox-') && name !== 'sw.js') files.push(path);
	}
})(join(root, '_app'));

const sizes = files.map((path) => {
	const bytes = readFileSync(path);
	return { file: relative(root, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const sum = (key: 'raw' | 'gzip', ext: string) => sizes.filter((s) => s.file.endsWith(ext)).reduce((total, s) => total + s[key], 0);
const js = { files: sizes.filter((s) => s.file.endsWith('.js')).length, rawBytes: sum('raw', '.js'), gzipBytes: sum('gzip', '.js') };
const css = { rawBytes: sum('raw', '.css'), gzipBytes: sum('gzip', '.css') };
await result.write({
	how: 'Every JS and CSS file under build/_app (what the service worker precaches, less workbox and sw.js), each gzipped at level 9 and summed. Deterministic for a build: one measurement.',
	js,
	css,
	totalGzipKiB: Number(((js.gzipBytes + css.gzipBytes) / 1024).toFixed(1)),
	largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5),
	goals: { totalGzip: '≤ 120 KiB' }
});
console.log(`App shell JS: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KiB gzipped (${(js.rawBytes / 1024).toFixed(1)} KiB raw); CSS ${(css.gzipBytes / 1024).toFixed(1)} KiB`);
