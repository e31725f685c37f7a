import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** The screens of a case, including those other parts of the app provide. */
export type CaseScreen = 'contacts/new' | 'notes' | 'checklist' | 'consent' | 'letters' | 'meetings' | 'conflicts' | 'paper-pack';

/** A case screen's path. Built from the case's resolved path, so it works under any base path. */
export function caseScreenHref(caseId: string, screen?: CaseScreen): ResolvedPathname {
	const casePath = resolve('/cases/[caseId]', { caseId });
	return (screen ? `${casePath}/${screen}` : casePath) as ResolvedPathname;
}

/** The words of a link back to a case: its reference once the case is read. */
export function caseLinkLabel(reference?: string): string {
	return reference ? `Case ${reference}` : 'Case';
}
