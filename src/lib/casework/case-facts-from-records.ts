import type { CaseFacts } from '../domain/case-facts.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { DomainRecord, RecordOf, RecordType } from '../domain/records.js';

/** The records of one kind, typed. */
export function ofType<K extends RecordType>(records: readonly DomainRecord[], type: K): RecordOf<K>[] {
	return records.filter((r): r is RecordOf<K> => r.type === type);
}

/** The gates' view of a case from its records on the device; undefined until the case record is here. */
export function caseFactsFrom(records: readonly DomainRecord[], caseId: string): CaseFacts | undefined {
	const inCase = records.filter((r) => (r.type === 'case' ? r.id === caseId : 'caseId' in r && r.caseId === caseId));
	const record = inCase.find((r): r is CaseRecord => r.type === 'case');
	if (!record) return undefined;
	return {
		case: record,
		participants: ofType(inCase, 'participant'),
		consents: ofType(inCase, 'consent'),
		assessments: ofType(inCase, 'risk-assessment')
	};
}
