// Sums the JSON reports of vitest and Playwright into one line: "tests: N passed, N failed".
// Exits non-zero when any test failed or when no report was written.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let reports = 0;

function countPlaywright(suites) {
	for (const suite of suites ?? []) {
		for (const spec of suite.specs ?? []) {
			for (const test of spec.tests ?? []) {
				const last = test.results?.at(-1)?.status;
				if (test.status === 'expected' || last === 'passed') passed++;
				else if (test.status !== 'skipped') failed++;
			}
		}
		countPlaywright(suite.suites);
	}
}

for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
	const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
	if (typeof report.numPassedTests === 'number') {
		reports++;
		passed += report.numPassedTests;
		// A file that fails to load has no failed tests but a failed suite: count it once.
		failed += report.numFailedTests || (report.numFailedTestSuites ?? 0);
	} else if (Array.isArray(report.suites)) {
		reports++;
		countPlaywright(report.suites);
		failed += (report.errors ?? []).length;
	}
}

if (reports === 0) failed++;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
