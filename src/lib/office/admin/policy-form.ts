import type { PolicySettings } from '../../domain/policy-settings.js';

/** The policy form's answers: numbers typed as text, so a wrong entry stays on screen to be put right. */
export interface PolicyAnswers {
	excludedJusticeStages: string[];
	excludedOffenceCategories: string[];
	riskAssessmentFreshnessDays: string;
	facilitatorsPerCase: string;
	caseloadLimit: string;
	idleLockMinutes: string;
}

export const answersOf = (p: PolicySettings): PolicyAnswers => ({
	excludedJusticeStages: [...p.excludedJusticeStages],
	excludedOffenceCategories: [...p.excludedOffenceCategories],
	riskAssessmentFreshnessDays: String(p.riskAssessmentFreshnessDays),
	facilitatorsPerCase: String(p.facilitatorsPerCase),
	caseloadLimit: String(p.caseloadLimit),
	idleLockMinutes: String(p.idleLockMinutes)
});

/** A blank or non-numeric entry is sent as it is, so the schema names the field. */
const numberOf = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

export const requestOf = (a: PolicyAnswers) => ({
	excludedJusticeStages: a.excludedJusticeStages,
	excludedOffenceCategories: a.excludedOffenceCategories,
	riskAssessmentFreshnessDays: numberOf(a.riskAssessmentFreshnessDays),
	facilitatorsPerCase: numberOf(a.facilitatorsPerCase),
	caseloadLimit: numberOf(a.caseloadLimit),
	idleLockMinutes: numberOf(a.idleLockMinutes)
});
