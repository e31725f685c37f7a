import { describe, expect, it } from 'vitest';
import type { SubjectExportDocument } from '../../src/lib/protocol/subject-access.js';
import { renderSubjectAccessHtml } from './subject-access-html.js';

const doc = (value: string): SubjectExportDocument => ({
	title: 'Information we hold about you',
	producedOn: '3 March 2026',
	name: 'Jordan Example',
	caseReferences: ['RJ-2026-0102'],
	sections: [
		{ heading: 'Case notes about you', items: [{ caseReference: 'RJ-2026-0102', title: 'Case note', date: '1 March 2026', fields: [{ label: 'Note', value }] }] },
		{ heading: 'Letters', items: [] }
	],
	access: []
});

describe('the subject access document', () => {
	it('shows text as written, so nothing a person typed can become markup', () => {
		const html = renderSubjectAccessHtml(doc('<img src=x onerror=alert(1)> & "quoted"'));
		expect(html).toContain('<dd>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;</dd>');
		expect(html).not.toContain('<img');
	});

	it('embeds the same content as JSON that a closing script tag in a note cannot break out of', () => {
		const html = renderSubjectAccessHtml(doc('</script><script>alert(1)</script>'));
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const opening = '<script type="application/json" id="subject-access-data">';
		const json = html.slice(html.indexOf(opening) + opening.length, html.lastIndexOf('</script>'));
		expect((JSON.parse(json) as SubjectExportDocument).sections[0]!.items[0]!.fields[0]!.value).toBe('</script><script>alert(1)</script>');
	});

	it('says so when nothing of a kind is held, and gives the case and date of each record', () => {
		const html = renderSubjectAccessHtml(doc('Met at the visits hall.'));
		expect(html).toContain('<h3>Case note, 1 March 2026</h3>');
		expect(html).toContain('<p class="meta">Case RJ-2026-0102</p>');
		expect(html).toContain('<h2>Letters</h2>\n<p>We hold nothing of this kind about you.</p>');
	});
});
