import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATE, templateDocumentId, type ChecklistTemplate } from './checklist-template.js';
import { closePaperPack, packsNeedingReminder, paperPackReminderDue, parsePaperPack, templateOfPaper, type PaperPackRecord } from './paper-pack.js';
import { DEFAULT_PAPER_SETTINGS, parsePaperSettings } from './paper-settings.js';
import { exampleRecords, exampleWith } from './record-fixtures.js';
import { parseRecord } from './records.js';

function pack(change: Partial<PaperPackRecord> = {}): PaperPackRecord {
	const parsed = parsePaperPack({ ...exampleRecords['paper-pack'](), ...change });
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed.value;
}

describe('paper pack reminders', () => {
	const printed = pack({ printedAt: '2026-10-01T09:00:00.000Z' });

	it('does not remind before the service’s number of days has passed', () => {
		expect(paperPackReminderDue(printed, { reminderDays: 7 }, '2026-10-08T08:59:59.000Z')).toBe(false);
	});

	it('reminds once the number of days has passed and the pack is still out', () => {
		expect(paperPackReminderDue(printed, { reminderDays: 7 }, '2026-10-08T09:00:00.000Z')).toBe(true);
	});

	it('follows the service’s setting, not a fixed week', () => {
		expect(paperPackReminderDue(printed, { reminderDays: 2 }, '2026-10-03T10:00:00.000Z')).toBe(true);
		expect(paperPackReminderDue(printed, { reminderDays: 30 }, '2026-10-20T10:00:00.000Z')).toBe(false);
	});

	it('stops reminding once the pack is recorded as destroyed or filed', () => {
		for (const status of ['destroyed', 'filed'] as const) {
			const closed = closePaperPack(printed, status, 'user-facilitator-a', '2026-10-02T10:00:00.000Z');
			expect(closed.ok && closed.value.status).toBe(status);
			if (closed.ok) expect(paperPackReminderDue(closed.value, DEFAULT_PAPER_SETTINGS, '2026-12-01T00:00:00.000Z')).toBe(false);
		}
	});

	it('lists only the packs still out past their time, oldest first', () => {
		const older = pack({ id: 'paper-pack-0002', printedAt: '2026-09-01T09:00:00.000Z' });
		const recent = pack({ id: 'paper-pack-0003', printedAt: '2026-10-09T09:00:00.000Z' });
		const due = packsNeedingReminder([printed, recent, older], DEFAULT_PAPER_SETTINGS, '2026-10-10T09:00:00.000Z');
		expect(due.map((p) => p.id)).toEqual(['paper-pack-0002', 'paper-pack-0001']);
	});

	it('refuses to close a pack twice, naming the status', () => {
		const closed = closePaperPack(printed, 'filed', 'user-facilitator-a', '2026-10-02T10:00:00.000Z');
		if (!closed.ok) throw new Error('expected the first close to succeed');
		const again = closePaperPack(closed.value, 'destroyed', 'user-facilitator-a', '2026-10-03T10:00:00.000Z');
		expect(again).toEqual({ ok: false, problems: [{ path: 'status', message: 'This pack is already recorded as destroyed or filed' }] });
	});
});

describe('paper pack records', () => {
	it('refuses a destroyed pack without when it was destroyed, naming the field', () => {
		const parsed = parseRecord(exampleWith('paper-pack', (r) => (r.status = 'destroyed')));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems).toContainEqual({ path: 'closedAt', message: 'Record when and by whom the pack was destroyed or filed' });
	});

	it('refuses a pack without the name printed on it', () => {
		const parsed = parseRecord(exampleWith('paper-pack', (r) => (r.printedByName = '  ')));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['printedByName']);
	});
});

describe('transcription from paper', () => {
	const newer: ChecklistTemplate = { ...DEFAULT_CHECKLIST_TEMPLATE, id: templateDocumentId(DEFAULT_CHECKLIST_TEMPLATE.templateId, 2), version: 2, title: 'Risk checklist, second edition' };

	it('keeps the template version that was printed even after a newer one is published', () => {
		const printed = pack({ templateVersion: 1 });
		expect(templateOfPaper([newer, DEFAULT_CHECKLIST_TEMPLATE], printed)?.version).toBe(1);
	});

	it('finds no template when the printed version is not on the device', () => {
		expect(templateOfPaper([newer], pack({ templateVersion: 1 }))).toBeUndefined();
	});

	it('accepts a risk assessment, contact and consent marked as typed from paper', () => {
		const fromPaper = { paperDate: '2026-09-30', typedAt: '2026-10-01T18:00:00.000Z', paperPackId: 'paper-pack-0001' };
		for (const type of ['risk-assessment', 'contact', 'consent'] as const) {
			const parsed = parseRecord(exampleWith(type, (r) => (r.fromPaper = fromPaper)));
			expect(parsed.ok && 'fromPaper' in parsed.value && parsed.value.fromPaper).toEqual(fromPaper);
		}
	});

	it('still reads records typed on the tablet, which carry no paper marking', () => {
		expect(parseRecord(exampleRecords.contact()).ok).toBe(true);
	});

	it('refuses a paper date later than the day it was typed, naming the field', () => {
		const parsed = parseRecord(exampleWith('contact', (r) => (r.fromPaper = { paperDate: '2026-10-05', typedAt: '2026-10-01T18:00:00.000Z' })));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems).toContainEqual({ path: 'fromPaper.paperDate', message: 'The date on the paper cannot be after the day it was typed' });
	});
});

describe('paper settings', () => {
	it('defaults to a reminder after a week', () => {
		expect(DEFAULT_PAPER_SETTINGS.reminderDays).toBe(7);
	});

	it('refuses a number of days that is not a whole number from 1 to 90, naming the field', () => {
		for (const reminderDays of [0, 91, 2.5]) {
			const parsed = parsePaperSettings({ reminderDays });
			expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['reminderDays']);
		}
	});
});
