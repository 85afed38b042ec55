import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Credence';

/**
 * Where profiles live: the same folder Electron's `app.getPath('userData')` gives for this app,
 * computed without Electron so that the CLI and the desktop app share one data folder.
 * CREDENCE_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CREDENCE_DATA_DIR) return env.CREDENCE_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}
