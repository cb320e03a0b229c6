import { describe, expect, it } from 'vitest';
import { createFakeCipher } from '../testing/fake-cipher';
import { redactingCipher } from './redacting-cipher';
import { Redactor } from './redactor';

describe('redactingCipher', () => {
  it('registers every secret it decrypts: each field of a profile entry, or a whole legacy value', async () => {
    const inner = createFakeCipher();
    const stored = await inner.encrypt(JSON.stringify({ secretKey: 'StoredKey01', sessionToken: 'StoredToken02', proxyPassword: 'pw' }));
    const legacy = await inner.encrypt('LegacySecretKey03');
    const redactor = new Redactor();
    const cipher = redactingCipher(inner, redactor);
    expect(redactor.redact('StoredKey01 StoredToken02 pw LegacySecretKey03')).toBe('StoredKey01 StoredToken02 pw LegacySecretKey03');
    await cipher.decrypt(stored);
    await cipher.decrypt(legacy);
    expect(redactor.redact('StoredKey01 StoredToken02 pw LegacySecretKey03')).toBe('[redacted] [redacted] [redacted] [redacted]');
  });

  it('registers what it encrypts too, and still round-trips', async () => {
    const redactor = new Redactor();
    const cipher = redactingCipher(createFakeCipher(), redactor);
    const text = await cipher.encrypt('NewSecret04');
    expect((await cipher.decrypt(text)).value).toBe('NewSecret04');
    expect(redactor.redact('NewSecret04')).toBe('[redacted]');
  });
});
