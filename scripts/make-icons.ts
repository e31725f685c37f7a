/**
 * Draws Tandem's app icons (two linked rings on the brand colour) as PNG files in static/icons.
 * Run with `npm run icons`; the PNGs are committed, so builds do not need this.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x1f, 0x5f, 0x5b];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Buffer): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** Coverage of a ring at a pixel, supersampled 4×4 for smooth edges. */
function ringCoverage(x: number, y: number, cx: number, cy: number, radius: number, width: number): number {
	let hits = 0;
	for (let sy = 0; sy < 4; sy++)
		for (let sx = 0; sx < 4; sx++) {
			const d = Math.hypot(x + (sx + 0.5) / 4 - cx, y + (sy + 0.5) / 4 - cy);
			if (Math.abs(d - radius) <= width / 2) hits++;
		}
	return hits / 16;
}

function drawIcon(size: number, scale: number): Buffer {
	const rows: Buffer[] = [];
	const radius = size * 0.2 * scale;
	const width = size * 0.07 * scale;
	const offset = radius * 0.62;
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let x = 0; x < size; x++) {
			const a = ringCoverage(x, y, size / 2 - offset, size / 2, radius, width);
			const b = ringCoverage(x, y, size / 2 + offset, size / 2, radius, width);
			const cover = Math.min(1, a + b);
			for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(BRAND[c]! * (1 - cover) + WHITE[c]! * cover);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('static/icons', { recursive: true });
for (const size of [192, 512]) {
	writeFileSync(`static/icons/icon-${size}.png`, drawIcon(size, 1));
	// Maskable icons keep the drawing inside the central safe zone (a circle of 80% of the width).
	writeFileSync(`static/icons/maskable-${size}.png`, drawIcon(size, 0.75));
}
console.log('Icons written to static/icons');
