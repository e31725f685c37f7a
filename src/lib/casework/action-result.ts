import type { GateFailure } from '../domain/gate.js';
import type { DomainRecord } from '../domain/records.js';
import type { FieldProblem, Validated } from '../domain/validation.js';

/**
 * Where actions save: the record repository, which validates and queues each record for sync.
 * `basedOn` is the record as the screen had it: only what changed since is applied, so a
 * colleague's change pulled meanwhile is not written over.
 */
export interface Saver {
	save(input: unknown, options?: { basedOn?: DomainRecord }): Promise<Validated<DomainRecord>>;
}

/** What an action did: the saved record, or every reason it was not saved (then nothing was). */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; failures: GateFailure[]; problems: FieldProblem[] };

export const refused = <T>(problems: FieldProblem[], failures: GateFailure[] = []): ActionResult<T> => ({ ok: false, failures, problems });

/** The message for a field path, if any problem names it. */
export function problemAt(result: ActionResult<unknown> | undefined, path: string): string | undefined {
	return result && !result.ok ? result.problems.find((p) => p.path === path)?.message : undefined;
}

/** Now, as an ISO 8601 moment: the device's clock, as every record's times are. */
export const isoNow = (): string => new Date().toISOString();
