import { describe, expect, it } from 'vitest';
import { readCheckpoint, versionHash, writeCheckpoint } from './sync-checkpoint.js';

describe('a pull checkpoint', () => {
	it('names the same versions after writing and reading it', () => {
		const hashes = [versionHash('case:abcdefgh', '1-a'), versionHash('case:abcdefgh:note:n1234567', '3-b')];
		expect([...readCheckpoint(writeCheckpoint(hashes))].sort()).toEqual([...hashes].sort());
	});

	it('keeps the hashes devices already hold in their checkpoints, so nothing is sent again', () => {
		expect(versionHash('case:abcdefgh', '1-a')).toBe('F5PY-0jt');
	});

	it('gives a new revision of a document a new hash', () => {
		expect(versionHash('case:abcdefgh', '1-a')).not.toBe(versionHash('case:abcdefgh', '2-a'));
	});

	it('reads anything it did not write as nothing held, so the case is sent again', () => {
		for (const odd of [undefined, '42', '1234-g1AAAACheJzLYWBgYMpgTmHgzcvP', 'v1.abc', 'v1.!!!!!!!!']) expect(readCheckpoint(odd).size).toBe(0);
	});

	it('writes the same string for the same versions in any order', () => {
		const [a, b] = [versionHash('x', '1-a'), versionHash('y', '1-b')];
		expect(writeCheckpoint([a, b])).toBe(writeCheckpoint([b, a, a]));
	});
});
