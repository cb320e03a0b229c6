import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronMock, electronModule } from '../testing/electron-mock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('../testing/electron-mock');
  electron.mock = create();
  return electronModule(electron.mock);
});

const { createSafeStorageCipher } = await import('./safe-storage-cipher');

beforeEach(() => {
  electron.mock.safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  electron.mock.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('createSafeStorageCipher', () => {
  it('is available where the OS key store encrypts', async () => {
    expect((await createSafeStorageCipher('linux')).isAvailable()).toBe(true);
    expect((await createSafeStorageCipher('darwin')).isAvailable()).toBe(true);
  });

  it('is unavailable where safeStorage says so', async () => {
    electron.mock.safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    expect((await createSafeStorageCipher('win32')).isAvailable()).toBe(false);
  });

  it("is unavailable on Linux's basic_text backend, which only obfuscates", async () => {
    electron.mock.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect((await createSafeStorageCipher('linux')).isAvailable()).toBe(false);
  });

  it('encrypts to base64 and decrypts back, passing on shouldReEncrypt', async () => {
    const cipher = await createSafeStorageCipher('linux');
    const stored = await cipher.encrypt('secret');
    expect(stored).toBe(Buffer.from('enc:secret').toString('base64'));
    electron.mock.safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'secret', shouldReEncrypt: true });
    expect(await cipher.decrypt(stored)).toEqual({ value: 'secret', shouldReEncrypt: true });
    expect(electron.mock.safeStorage.decryptStringAsync).toHaveBeenCalledWith(Buffer.from('enc:secret'));
  });
});
