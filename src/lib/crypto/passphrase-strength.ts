export type StrengthVerdict = { ok: true } | { ok: false; message: string };

export const MIN_PASSPHRASE_LENGTH = 12;

// Passphrases people reach for first; a tablet thief tries these before anything else.
const COMMON = [
	'password', 'passphrase', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'monkey', 'dragon', 'football',
	'sunshine', 'princess', 'admin', 'abc123', 'trustno1', 'tandem', 'facilitator', 'restorative', 'justice',
	'prison', 'changeme', 'secret'
];
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * A deliberately low estimate of guessing work: words typed by people carry ~2.5 bits a letter;
 * each extra kind of character adds a little. Length counts only as far as the variety goes.
 */
function estimatedBits(passphrase: string): number {
	const kinds = CLASSES.filter((re) => re.test(passphrase)).length;
	const distinct = new Set(passphrase.toLowerCase()).size;
	return Math.min(passphrase.length, distinct * 2) * (2 + kinds * 0.5);
}

function hasRun(text: string, length: number): boolean {
	for (const sequence of SEQUENCES)
		for (let i = 0; i + length <= sequence.length; i++)
			if (text.includes(sequence.slice(i, i + length)) || text.includes([...sequence.slice(i, i + length)].reverse().join(''))) return true;
	return false;
}

/**
 * Refuses passphrases a thief with the tablet could guess offline. Plain words for the person;
 * `personal` holds their username and name, which must not be the passphrase's backbone.
 */
export function checkPassphrase(passphrase: string, personal: readonly string[] = []): StrengthVerdict {
	const lower = passphrase.toLowerCase();
	const letters = lower.replace(/[^a-z]/g, '');
	if (passphrase.length < MIN_PASSPHRASE_LENGTH)
		return { ok: false, message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.` };
	if (new Set(lower).size < 6) return { ok: false, message: 'Use more different characters; repeats are easy to guess.' };
	if (COMMON.some((word) => letters.includes(word) && letters.replace(word, '').length < 6))
		return { ok: false, message: 'This is too close to a common password. Choose something only you would think of.' };
	if (personal.some((word) => word.length >= 3 && lower.includes(word.toLowerCase())))
		return { ok: false, message: 'Do not use your name or username in the passphrase.' };
	if (hasRun(lower, 5)) return { ok: false, message: 'Avoid runs like 12345 or qwerty; they are tried first.' };
	if (estimatedBits(passphrase) < 40) return { ok: false, message: 'Make it longer: add another word or two.' };
	return { ok: true };
}
