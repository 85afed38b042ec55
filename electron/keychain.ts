import type { SafeStorage } from 'electron';
import type { Keychain } from '../core/storage/encryption/key-wrap.ts';

type Storage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/**
 * Quick unlock's keychain: Electron's safeStorage, through its asynchronous API only (the
 * synchronous one is deprecated in Electron 45 and removed in 46; their ciphertexts are the same).
 * On Linux, `basic_text` (no keyring found) seals with a password hard-coded in Chromium, which
 * protects nothing, so quick unlock is not offered there; nor is it when encryption is unavailable.
 */
export function createKeychain(storage: Storage, platform: NodeJS.Platform = process.platform): Keychain {
  return {
    async backend() {
      if (!(await storage.isAsyncEncryptionAvailable())) return null;
      if (platform === 'darwin') return 'macos-keychain';
      if (platform === 'win32') return 'windows-dpapi';
      const backend = storage.getSelectedStorageBackend();
      return backend === 'basic_text' || backend === 'unknown' ? null : backend;
    },
    seal: (text) => storage.encryptStringAsync(text),
    open: async (sealed) => (await storage.decryptStringAsync(sealed)).result,
  };
}
