import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../domain/case-record.js';
import { assessed, caseAt, consent, daysAfter, HARMED, RESPONSIBLE } from '../domain/facts-fixtures.js';
import type { DomainRecord } from '../domain/records.js';
import { DEFAULT_SERVICE_POLICY as POLICY } from '../domain/service-policy.js';
import type { CaseSummary } from '../protocol/cases.js';
import { searchableNames, searchToday, todayRows } from './today.js';

const summary = (id: string, reference: string, stage: CaseSummary['stage'] = 'assessment'): CaseSummary => ({ id, reference, stage, status: stage === 'closed' ? 'closed' : 'open', updatedAt: daysAfter(0) });
const otherCase = (id: string, reference: string): CaseRecord => ({ ...caseAt('communication'), id, reference });
const named = <T extends DomainRecord>(record: T, changes: object) => ({ ...record, ...changes }) as T;

const records: DomainRecord[] = [
	caseAt('communication'),
	named(HARMED, { name: 'Jordan Example', preferredName: 'Jo' }),
	named(RESPONSIBLE, { name: 'Casey Madeup', preferredName: '' }),
	consent(HARMED.id, 'given'),
	consent(RESPONSIBLE.id, 'given'),
	assessed(HARMED.id, 'proceed', daysAfter(0)),
	assessed(RESPONSIBLE.id, 'proceed', daysAfter(20)),
	otherCase('case-0002-abcd', 'RJ-2026-0077')
];
const summaries = [summary('case-0002-abcd', 'RJ-2026-0077', 'communication'), summary('case-0001-abcd', 'RJ-2026-0042', 'communication'), summary('case-0009-abcd', 'RJ-2026-0001', 'closed'), summary('case-0008-abcd', 'RJ-2026-0099')];
const markers = new Map([['case-0001-abcd', { unsynced: 2, needsDecision: 1 }]]);

describe('the Today list', () => {
	const rows = todayRows(summaries, records, markers, POLICY, daysAfter(35));

	it('lists open cases by reference with closed ones last', () => {
		expect(rows.map((r) => r.reference)).toEqual(['RJ-2026-0042', 'RJ-2026-0077', 'RJ-2026-0099', 'RJ-2026-0001']);
	});

	it('shows the stage and the next step in words, from the gates', () => {
		expect(rows[0]).toMatchObject({ stageLabel: 'Indirect communication or meeting', nextStep: 'Hold the meeting or exchange letters, then record the outcome' });
	});

	it('flags a stale risk assessment as an overdue review, and only that one', () => {
		expect(rows[0]!.overdueReviews).toEqual(['The harmed person’s risk assessment is 35 days old (review every 28 days)']);
		expect(rows[1]!.overdueReviews).toEqual([]);
	});

	it('carries the unsynced and needs-a-decision counts of each case', () => {
		expect(rows[0]).toMatchObject({ unsynced: 2, needsDecision: 1 });
		expect(rows[1]).toMatchObject({ unsynced: 0, needsDecision: 0 });
	});

	it('says a case whose records have not synced yet needs a sync, rather than guessing', () => {
		expect(rows[2]!.nextStep).toBe('Sync to load this case’s records');
	});

	it('names the people on each case by the name they prefer', () => {
		expect(rows[0]!.people.map((p) => `${p.name} (${p.roleLabel})`)).toEqual(['Jo (harmed person)', 'Casey Madeup (person responsible)']);
	});
});

describe('searching the Today list on the device', () => {
	const rows = todayRows(summaries, records, markers, POLICY, daysAfter(5));
	const names = searchableNames(records);
	const find = (text: string) => searchToday(rows, names, text).map((r) => r.reference);

	it('finds a case by part of its reference', () => {
		expect(find('0077')).toEqual(['RJ-2026-0077']);
		expect(find('rj-2026-00')).toHaveLength(4);
	});

	it('finds a case by a participant’s full or preferred name, ignoring case and accents', () => {
		expect(find('jordan')).toEqual(['RJ-2026-0042']);
		expect(find('JO EXAMPLE')).toEqual(['RJ-2026-0042']);
		expect(searchToday(rows, new Map([['case-0002-abcd', ['Zoë Sample']]]), 'zoe').map((r) => r.reference)).toEqual(['RJ-2026-0077']);
	});

	it('needs every word to match, and finds nothing for a stranger', () => {
		expect(find('casey 0077')).toEqual([]);
		expect(find('nobody')).toEqual([]);
		expect(find('   ')).toHaveLength(4);
	});
});
