import { describe, expect, it } from 'vitest';
import { exampleRecords, exampleWith } from '../domain/record-fixtures.js';
import { parseRecord, type DomainRecord } from '../domain/records.js';
import { caseTimeline } from './timeline.js';
import { notesView } from './notes-view.js';

const records = [
	exampleRecords.participant(),
	{ ...exampleRecords.contact(), occurredAt: '2026-10-02T10:00:00.000Z' },
	exampleRecords['case-note'](),
	{ ...exampleRecords['case-note'](), id: 'note-0002-abcd', text: 'Sam asked what a meeting would be like, and who would sit where.', amendsNoteId: 'note-0001-abcd', createdAt: '2026-10-03T09:00:00.000Z' },
	{ ...exampleRecords.letter(), updatedAt: '2026-10-04T09:00:00.000Z' },
	exampleRecords.meeting()
] as DomainRecord[];

describe('the case timeline', () => {
	it('puts contacts, notes, letters and meetings newest first, in plain words', () => {
		const timeline = caseTimeline(records);
		expect(timeline.map((e) => [e.kind, e.title])).toEqual([
			['meeting', 'Meeting: planned'],
			['letter', 'Letter: draft'],
			['note', 'Case note (amended)'],
			['contact', 'Visit: went ahead']
		]);
		expect(timeline[3]!.detail).toBe('Sam (person responsible) · HMP Example · First preparation visit.');
	});

	it('shows an amended note once, at its latest text', () => {
		const notes = caseTimeline(records).filter((e) => e.kind === 'note');
		expect(notes).toHaveLength(1);
		expect(notes[0]!.detail).toContain('who would sit where');
	});
});

describe('the notes screen', () => {
	it('lists notes newest first with every earlier text kept, and spots unfinished drafts', () => {
		const view = notesView(records, ['draft:case-note:case-0001-abcd:new', 'draft:case-note:case-0001-abcd:note-0002-abcd']);
		expect(view.notes.map((n) => [n.current.id, n.earlier.map((e) => e.id)])).toEqual([['note-0002-abcd', ['note-0001-abcd']]]);
		expect(view.hasNewDraft).toBe(true);
		expect([...view.amendmentDrafts]).toEqual(['note-0002-abcd']);
		expect(view.people).toEqual([{ value: 'participant-pr-0001', label: 'Sam (person responsible)' }]);
	});
});

describe('records typed from paper', () => {
	it('say on the timeline that they were typed from paper, with the date on the paper', () => {
		const parsed = parseRecord(exampleWith('contact', (r) => (r.fromPaper = { paperDate: '2026-09-30', typedAt: '2026-10-01T18:00:00.000Z' })));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		expect(caseTimeline([parsed.value])[0]?.detail).toContain('Typed from paper dated 30 Sept 2026, on 1 Oct 2026');
	});
});
