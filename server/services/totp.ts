import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 as authenticator apps expect it: HMAC-SHA1, 30-second steps, 6 digits. */
export const TOTP = { stepSeconds: 30, digits: 6, window: 1 } as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function toBase32(bytes: Buffer): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
	return out;
}

export function fromBase32(text: string): Buffer {
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const char of text.replace(/=+$/, '').toUpperCase()) {
		const index = BASE32.indexOf(char);
		if (index < 0) throw new Error('Not base32');
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/** 160 random bits, the key length RFC 4226 recommends for HMAC-SHA1. */
export const newTotpSecret = (): string => toBase32(randomBytes(20));

export const stepAt = (nowSeconds: number): number => Math.floor(nowSeconds / TOTP.stepSeconds);

/** The code for one time step (RFC 4226 dynamic truncation). */
export function codeAt(secret: Buffer, step: number, digits: number = TOTP.digits): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const mac = createHmac('sha1', secret).update(counter).digest();
	const offset = mac[mac.length - 1]! & 0x0f;
	const binary = mac.readUInt32BE(offset) & 0x7fffffff;
	return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The time step a code belongs to, within one step either side of now (clock drift), or
 * undefined. Only steps after `usedStep` count: a code, once accepted, is never accepted again.
 */
export function matchingStep(secretBase32: string, code: string, nowSeconds: number, usedStep = -1): number | undefined {
	const secret = fromBase32(secretBase32);
	const now = stepAt(nowSeconds);
	for (let step = now - TOTP.window; step <= now + TOTP.window; step++) {
		if (step <= usedStep) continue;
		const expected = Buffer.from(codeAt(secret, step));
		const given = Buffer.from(code);
		if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
	}
	return undefined;
}

/** What an authenticator app scans: the secret, shown once at enrolment. */
export function otpauthUri(secretBase32: string, username: string, issuer = 'Tandem'): string {
	const label = encodeURIComponent(`${issuer}:${username}`);
	const query = new URLSearchParams({ secret: secretBase32, issuer, algorithm: 'SHA1', digits: String(TOTP.digits), period: String(TOTP.stepSeconds) });
	return `otpauth://totp/${label}?${query}`;
}
