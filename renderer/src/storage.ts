// localStorage can throw (storage disabled, quota, opaque origin); a lost preference must never
// take the page down, so every access degrades to "nothing stored".

export const LOCALE_KEY = 'credence.locale';
export const PROFILE_KEY = 'credence.profileId';

export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Preference only: the UI keeps working for this session.
  }
}
