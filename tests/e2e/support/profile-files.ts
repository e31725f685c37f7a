import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a browser profile whose bytes hold `text`, as UTF-8 or as UTF-16 (how V8 may store strings). */
export async function filesContaining(dir: string, text: string): Promise<string[]> {
	const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
	const hits: string[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const bytes = await readFile(path).catch(() => undefined);
		if (bytes && needles.some((needle) => bytes.includes(needle))) hits.push(path);
	}
	return hits;
}
