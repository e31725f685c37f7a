/** PBKDF2-SHA-256 work factor: at least OWASP's 2023 figure of 600,000. */
export const PBKDF2_ITERATIONS = 600_000;

/** The only key material stored: the data key, encrypted under a key derived from the passphrase. */
export interface WrappedKey {
	salt: Uint8Array;
	iterations: number;
	iv: Uint8Array;
	wrapped: ArrayBuffer;
}

const DATA_KEY: AesKeyGenParams = { name: 'AES-GCM', length: 256 };

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['wrapKey', 'unwrapKey']
	);
}

/**
 * Makes a random data key for one user on one device and wraps it with the passphrase.
 * The key handed back cannot be exported: once wrapped, no code can read its bytes again.
 */
export async function createDataKey(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ key: CryptoKey; stored: WrappedKey }> {
	const exportable = await crypto.subtle.generateKey(DATA_KEY, true, ['encrypt', 'decrypt']);
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const wrapping = await wrappingKey(passphrase, salt, iterations);
	const wrapped = await crypto.subtle.wrapKey('raw', exportable, wrapping, { name: 'AES-GCM', iv });
	const stored = { salt, iterations, iv, wrapped };
	const key = await unwrapDataKey(passphrase, stored);
	if (!key) throw new Error('A freshly wrapped key did not unwrap');
	return { key, stored };
}

/** The data key, or null when the passphrase is wrong (AES-GCM's tag does not verify). */
export async function unwrapDataKey(passphrase: string, stored: WrappedKey): Promise<CryptoKey | null> {
	const wrapping = await wrappingKey(passphrase, stored.salt, stored.iterations);
	try {
		return await crypto.subtle.unwrapKey('raw', stored.wrapped, wrapping, { name: 'AES-GCM', iv: stored.iv as Uint8Array<ArrayBuffer> }, DATA_KEY, false, [
			'encrypt',
			'decrypt'
		]);
	} catch {
		return null;
	}
}
