import * as v from 'valibot';
import type { ChecklistTemplate } from './checklist-template.js';
import { caseDocumentFields, isoDate, isoDateTime, recordId, requiredText, userId } from './fields.js';
import type { PaperSettings } from './paper-settings.js';
import { validate, type Validated } from './validation.js';

export const PAPER_PACK_STATUSES = ['printed', 'destroyed', 'filed'] as const;
export type PaperPackStatus = (typeof PAPER_PACK_STATUSES)[number];

const DAY = 86_400_000;

const entries = {
	type: v.literal('paper-pack'),
	v: v.literal(1),
	...caseDocumentFields,
	printedAt: isoDateTime,
	printedBy: userId('Record who printed the pack'),
	/** The name on the "printed by" line, so the paper can be matched to this record. */
	printedByName: requiredText('Record the name printed on the pack', 200),
	/** The checklist template printed blank in the pack; its answers are typed against this version. */
	templateId: v.pipe(v.string('Choose a checklist template'), v.minLength(1, 'Choose a checklist template')),
	templateVersion: v.pipe(v.number('Enter the template version'), v.integer('Use a whole number'), v.minValue(1, 'Versions start at 1')),
	status: v.picklist(PAPER_PACK_STATUSES, 'Choose printed, destroyed or filed'),
	closedAt: v.optional(isoDateTime),
	closedBy: v.optional(userId('Record who destroyed or filed the pack'))
};

type PackShape = v.InferOutput<v.StrictObjectSchema<typeof entries, undefined>>;

/** A printed paper pack: the paper is outside the vault until it is recorded as destroyed or filed. */
export const paperPackSchema = v.pipe(
	v.strictObject(entries),
	v.forward(v.check((p: PackShape) => p.status === 'printed' || (p.closedAt !== undefined && p.closedBy !== undefined), 'Record when and by whom the pack was destroyed or filed'), ['closedAt'])
);

export type PaperPackRecord = v.InferOutput<typeof paperPackSchema>;

export function parsePaperPack(input: unknown): Validated<PaperPackRecord> {
	return validate(paperPackSchema, input);
}

/** The day a reminder starts: the printed day plus the service's number of days. */
export function paperPackReminderFrom(pack: PaperPackRecord, settings: PaperSettings): string {
	return new Date(Date.parse(pack.printedAt) + settings.reminderDays * DAY).toISOString();
}

/** Whether the pack is still out on paper past the service's allowance. */
export function paperPackReminderDue(pack: PaperPackRecord, settings: PaperSettings, now: string): boolean {
	return pack.status === 'printed' && now >= paperPackReminderFrom(pack, settings);
}

/** The printed packs that need a reminder, oldest first. */
export function packsNeedingReminder(packs: readonly PaperPackRecord[], settings: PaperSettings, now: string): PaperPackRecord[] {
	return packs.filter((p) => paperPackReminderDue(p, settings, now)).sort((a, b) => a.printedAt.localeCompare(b.printedAt));
}

/** Records the paper as destroyed or filed; a pack already closed stays as it was recorded. */
export function closePaperPack(pack: PaperPackRecord, status: Exclude<PaperPackStatus, 'printed'>, by: string, at: string): Validated<PaperPackRecord> {
	if (pack.status !== 'printed') return { ok: false, problems: [{ path: 'status', message: 'This pack is already recorded as destroyed or filed' }] };
	return parsePaperPack({ ...pack, status, closedAt: at, closedBy: by, updatedAt: at });
}

/**
 * The template the paper was printed from, even when a newer version has been published since:
 * answers typed from paper belong to the questions that were on the paper.
 */
export function templateOfPaper(templates: readonly ChecklistTemplate[], pack: Pick<PaperPackRecord, 'templateId' | 'templateVersion'>): ChecklistTemplate | undefined {
	return templates.find((t) => t.templateId === pack.templateId && t.version === pack.templateVersion);
}

/** Marks a record typed up from paper: the date written on the paper and when it was typed. */
export const fromPaperSchema = v.pipe(
	v.strictObject({
		paperDate: isoDate,
		typedAt: isoDateTime,
		paperPackId: v.optional(recordId)
	}),
	v.forward(v.check((f) => f.paperDate <= f.typedAt.slice(0, 10), 'The date on the paper cannot be after the day it was typed'), ['paperDate'])
);

export type FromPaper = v.InferOutput<typeof fromPaperSchema>;
