// Device store benchmark: encrypted store vs plain Dexie, headless Chromium, on-disk profile.
// Run: npx tsx bench/device-store/run.ts   → bench/results/device-store.json
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';

const ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = 5;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const summary = (xs: number[]) => ({ p50: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2), n: xs.length });
const median = (xs: number[]) => +pct(xs, 50).toFixed(1);

const script = (await build({ entryPoints: ['bench/device-store/bench-harness.ts'], bundle: true, write: false, format: 'iife', target: 'es2022' })).outputFiles[0]!.text;

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
	const profile = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
	try {
		const page = await context.newPage();
		await page.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
		await page.goto('http://localhost:9/bench');
		await page.addScriptTag({ content: script });
		return await fn(page);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}

const bulk = { plain: [] as number[], encrypted: [] as number[] };
for (let run = 0; run < RUNS; run++)
	for (const kind of ['plain', 'encrypted'] as const)
		bulk[kind].push(await withPage((page) => page.evaluate(([k, r]) => window.bench.bulkLoad(k, r, 5_000), [kind, run] as const)));

const everyday10k = {
	plain: await withPage((page) => page.evaluate(() => window.bench.everyday('plain', 10_000, 200))),
	encrypted: await withPage((page) => page.evaluate(() => window.bench.everyday('encrypted', 10_000, 200)))
};
const search5k = {
	plain: await withPage((page) => page.evaluate(() => window.bench.everyday('plain', 5_000, 30))),
	encrypted: await withPage((page) => page.evaluate(() => window.bench.everyday('encrypted', 5_000, 30)))
};

const result = {
	date: new Date().toISOString(),
	browser: 'headless Chromium, on-disk profile (launchPersistentContext), fresh profile per measurement',
	bulkLoad5000Ms: { plain: median(bulk.plain), encrypted: median(bulk.encrypted), ratio: +(median(bulk.encrypted) / median(bulk.plain)).toFixed(2), runs: bulk },
	saveNoteWith10000RecordsMs: { plain: summary(everyday10k.plain.save), encrypted: summary(everyday10k.encrypted.save) },
	openCase125RecordsMs: { plain: summary(everyday10k.plain.open), encrypted: summary(everyday10k.encrypted.open) },
	searchByNameOver5000RecordsMs: { plain: summary(search5k.plain.search), encrypted: summary(search5k.encrypted.search) },
	goals: { saveP95: '< 5 ms', openCaseP95: '< 50 ms', search: '< 100 ms', bulkRatio: '≤ 1.2× plain' }
};
await writeFile('bench/results/device-store.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, bulkLoad5000Ms: { ...result.bulkLoad5000Ms, runs: undefined } }, null, 2));
