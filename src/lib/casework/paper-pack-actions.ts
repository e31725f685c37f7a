import type { ChecklistTemplate } from '../domain/checklist-template.js';
import { closePaperPack, parsePaperPack, type PaperPackRecord } from '../domain/paper-pack.js';
import type { FieldProblem } from '../domain/validation.js';
import type { Saver } from './action-result.js';

export interface PackContext {
	saver: Saver;
	user: { id: string; displayName: string };
	now?: () => string;
	newId?: () => string;
}

type Saved = { ok: true; pack: PaperPackRecord } | { ok: false; problems: FieldProblem[] };

async function store(saver: Saver, parsed: ReturnType<typeof parsePaperPack>, basedOn?: PaperPackRecord): Promise<Saved> {
	if (!parsed.ok) return { ok: false, problems: parsed.problems };
	const result = await saver.save(parsed.value, basedOn ? { basedOn } : {});
	return result.ok ? { ok: true, pack: result.value as PaperPackRecord } : { ok: false, problems: result.problems };
}

/** Printing and putting away a paper pack, each a change to its record that is synced and audited. */
export function paperPackActions({ saver, user, now = () => new Date().toISOString(), newId = () => crypto.randomUUID() }: PackContext) {
	return {
		/** Recorded before the paper exists, so a pack printed and lost still has a record to chase. */
		print(caseId: string, template: ChecklistTemplate): Promise<Saved> {
			const at = now();
			return store(saver, parsePaperPack({
				type: 'paper-pack', v: 1, id: newId(), caseId, createdAt: at, updatedAt: at, createdBy: user.id,
				printedAt: at, printedBy: user.id, printedByName: user.displayName,
				templateId: template.templateId, templateVersion: template.version, status: 'printed'
			}));
		},

		close(pack: PaperPackRecord, status: 'destroyed' | 'filed'): Promise<Saved> {
			return store(saver, closePaperPack(pack, status, user.id, now()), pack);
		}
	};
}
