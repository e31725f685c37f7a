import { describe, expect, it } from 'vitest';
import { keepInShell, routeOfNode, shellFiles, type ViteManifest } from './shell-precache.js';

const nodes = '.svelte-kit/generated/client-optimized/nodes';
const manifest: ViteManifest = {
	'.svelte-kit/generated/client-optimized/app.js': {
		file: '_app/immutable/entry/app.js',
		isEntry: true,
		imports: ['_runtime.js'],
		dynamicImports: [`${nodes}/0.js`, `${nodes}/1.js`, `${nodes}/2.js`]
	},
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js': { file: '_app/immutable/entry/start.js', isEntry: true, imports: ['_runtime.js'] },
	'_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
	[`${nodes}/0.js`]: { file: '_app/immutable/nodes/0.js', isEntry: true, imports: ['_runtime.js'], css: ['_app/immutable/assets/0.css'] },
	[`${nodes}/1.js`]: { file: '_app/immutable/nodes/1.js', isEntry: true, imports: ['_letters.js'] },
	[`${nodes}/2.js`]: { file: '_app/immutable/nodes/2.js', isEntry: true, imports: ['_office-table.js'] },
	'_letters.js': { file: '_app/immutable/chunks/letters.js', dynamicImports: ['_pdf.js'] },
	'_pdf.js': { file: '_app/immutable/chunks/pdf.js' },
	'_office-table.js': { file: '_app/immutable/chunks/office-table.js' }
};
const routes: Record<string, string> = {
	[`${nodes}/0.js`]: 'src/routes/+layout.svelte',
	[`${nodes}/1.js`]: 'src/routes/cases/[caseId]/letters/+page.svelte',
	[`${nodes}/2.js`]: 'src/routes/office/reports/+page.svelte'
};

describe('the offline shell', () => {
	const shell = shellFiles(manifest, (key) => routes[key]);

	it('holds the entries, the layout and a facilitator screen with what it loads later', () => {
		expect([...shell].sort()).toEqual(
			[
				'_app/immutable/assets/0.css',
				'_app/immutable/chunks/letters.js',
				'_app/immutable/chunks/pdf.js',
				'_app/immutable/chunks/runtime.js',
				'_app/immutable/entry/app.js',
				'_app/immutable/entry/start.js',
				'_app/immutable/nodes/0.js',
				'_app/immutable/nodes/1.js'
			].sort()
		);
	});

	it('leaves out office screens and the code only they use', () => {
		expect(shell.has('_app/immutable/nodes/2.js')).toBe(false);
		expect(shell.has('_app/immutable/chunks/office-table.js')).toBe(false);
	});

	it('refuses to guess when a route node names no route', () => {
		expect(() => shellFiles(manifest, () => undefined)).toThrow(/No route found/);
	});

	it('keeps the HTML fallback, the web manifest and worker helpers, but not icons or office code', () => {
		expect(keepInShell('index.html', shell)).toBe(true);
		expect(keepInShell('manifest.webmanifest', shell)).toBe(true);
		expect(keepInShell('background-sync.js', shell)).toBe(true);
		expect(keepInShell('icons/icon-512.png', shell)).toBe(false);
		expect(keepInShell('_app/immutable/nodes/2.js', shell)).toBe(false);
		expect(keepInShell('_app/immutable/nodes/1.js', shell)).toBe(true);
	});

	it('reads the route a generated node re-exports', () => {
		expect(routeOfNode('export { default as component } from "../../../../src/routes/office/+page.svelte";')).toBe('src/routes/office/+page.svelte');
	});
});
