import { describe, expect, it } from 'vitest';
import { cssString, printPageCss } from './print-page.js';

describe('printed page margins', () => {
	it('escapes quotes and backslashes so a name cannot break out of the page rule', () => {
		expect(cssString('Pat "PJ" O\\Neil\nsecond line')).toBe('"Pat \\"PJ\\" O\\\\Neil second line"');
	});

	it('puts the case reference, the printed line and page numbers in the margins of A4 pages', () => {
		const css = printPageCss({ topLeft: 'Case RJ-2026-0103', topRight: 'Checklist version 1', bottomLeft: 'Printed on 1 Oct 2026 by Pat' });
		expect(css).toContain('size: A4');
		expect(css).toMatch(/@top-left \{ content: "Case RJ-2026-0103"/);
		expect(css).toMatch(/@bottom-left \{ content: "Printed on 1 Oct 2026 by Pat"/);
		expect(css).toContain('counter(pages)');
	});
});
