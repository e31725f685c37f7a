import { describe, expect, it } from 'vitest';
import { latestSave } from './latest-save.js';

describe('latest save', () => {
	it('writes one version at a time and skips versions overtaken while a write ran', async () => {
		const written: number[] = [];
		let release: () => void = () => {};
		const saver = latestSave(
			(value: number) => new Promise<number>((resolve) => ((release = () => resolve(value)), written.push(value))),
			() => {}
		);
		void saver.save(1);
		void saver.save(2);
		void saver.save(3);
		expect(written).toEqual([1]);
		expect(saver.busy).toBe(true);
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(written).toEqual([1, 3]);
		release();
		await saver.settled();
		expect(written).toEqual([1, 3]);
		expect(saver.busy).toBe(false);
	});

	it('reports each write’s result with the version it wrote', async () => {
		const results: string[] = [];
		const saver = latestSave(async (value: string) => value.length, (length, value) => results.push(`${value}:${length}`));
		await saver.save('abc');
		await saver.save('de');
		expect(results).toEqual(['abc:3', 'de:2']);
	});

	it('is free again after a write throws', async () => {
		const saver = latestSave(async (value: number) => (value === 1 ? Promise.reject(new Error('locked')) : value), () => {});
		await expect(saver.save(1)).rejects.toThrow('locked');
		expect(saver.busy).toBe(false);
		await saver.save(2);
		expect(saver.busy).toBe(false);
	});
});
