// Measures what a device downloads to run the app shell: every JS and CSS file the service worker
// precaches, gzipped one by one (as a server would send them). Run after `npm run build`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = 'build';
const files = [];
(function walk(dir) {
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
const sum = (key, ext) => sizes.filter((s) => s.file.endsWith(ext)).reduce((total, s) => total + s[key], 0);
const result = {
	date: new Date().toISOString(),
	node: process.version,
	js: { files: sizes.filter((s) => s.file.endsWith('.js')).length, rawBytes: sum('raw', '.js'), gzipBytes: sum('gzip', '.js') },
	css: { rawBytes: sum('raw', '.css'), gzipBytes: sum('gzip', '.css') },
	largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5)
};
writeFileSync('bench/results/shell-size.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`App shell JS: ${result.js.files} files, ${(result.js.gzipBytes / 1024).toFixed(1)} KiB gzipped (${(result.js.rawBytes / 1024).toFixed(1)} KiB raw)`);
console.log(`App shell CSS: ${(result.css.gzipBytes / 1024).toFixed(1)} KiB gzipped`);
