// Works out, at build time, which built files the service worker precaches: the app shell a
// facilitator's tablet needs to start and work with no network. Everything else (office screens,
// the public forms) is cached the first time it is fetched.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type ManifestChunk = { file: string; css?: string[]; assets?: string[]; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
export type ViteManifest = Record<string, ManifestChunk>;
type Entry = { url: string; revision: string | null; size: number };

/** Used only online, by office staff or by the public. A route not listed here is precached. */
export const onlineOnlyRoutes = /^src\/routes\/(office|refer|feedback|invitation)\//;

const routeNode = /\/nodes\/\d+\.js$/;

/**
 * Files the offline routes reach: the start and app entries (their static imports only, since the
 * app entry lazily imports every route), then each offline route with its static and lazy imports,
 * so a screen that loads part of itself later still opens with no network.
 */
export function shellFiles(manifest: ViteManifest, routeOf: (nodeKey: string) => string | undefined): Set<string> {
	const files = new Set<string>();
	const seen = new Set<string>();
	const walk = (key: string, lazyToo: boolean) => {
		const chunk = manifest[key];
		if (!chunk || seen.has(key)) return;
		seen.add(key);
		for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
		for (const next of chunk.imports ?? []) walk(next, lazyToo);
		if (lazyToo) for (const next of chunk.dynamicImports ?? []) walk(next, true);
	};
	const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
	for (const [key] of entries.filter(([key]) => !routeNode.test(key))) walk(key, false);
	for (const [key] of entries.filter(([key]) => routeNode.test(key))) {
		const route = routeOf(key);
		if (route === undefined) throw new Error(`No route found for ${key}: cannot tell whether it belongs offline`);
		if (!onlineOnlyRoutes.test(route)) walk(key, true);
	}
	return files;
}

/** The route file a generated SvelteKit node re-exports (layouts, pages, the error page). */
export function routeOfNode(source: string): string | undefined {
	return /(src\/routes\/[^"']+)/.exec(source)?.[1];
}

/** Keeps an entry that is not built code (the HTML fallback, web manifest, worker helpers) unless it is an icon. */
export function keepInShell(url: string, shell: Set<string>): boolean {
	if (url.startsWith('_app/immutable/')) return shell.has(url);
	// Icons are fetched by the browser when it installs the app, not by an offline start.
	return !url.startsWith('icons/');
}

/** A workbox manifest transform that drops what the offline routes don't need. */
export function offlineShellTransform(kitDir: string) {
	return async (entries: Entry[]) => {
		const manifestPath = join(kitDir, 'output/client/.vite/manifest.json');
		if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: cannot work out the offline shell`);
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
		const shell = shellFiles(manifest, (key) => routeOfNode(readFileSync(key, 'utf8')));
		return { manifest: entries.filter((entry) => keepInShell(entry.url, shell)), warnings: [] };
	};
}
