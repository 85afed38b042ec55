// The Settings page's messages (renderer/src/pages).
// zh-CN first; the English is checked against it both ways (i18n/translation.ts).
import type { TranslationOf } from '../i18n/translation.ts';

const zhCN = {
  'settings.about': '关于',
  'settings.version': '版本',
  'settings.dataDir': '数据文件夹',
  'settings.dataDirHint': '所有档案的数据库文件都保存在这个文件夹中。',
  'settings.profiles': '所有档案',
  'settings.deleteTitle': '删除档案',
  'settings.deleteBody': '删除「{name}」会永久删除它的数据库文件，以及其中的全部账单、账户和授权记录。',
  'settings.deleteButton': '删除此档案…',
} as const;

const en = {
  'settings.about': 'About',
  'settings.version': 'Version',
  'settings.dataDir': 'Data folder',
  'settings.dataDirHint': 'The database files of all profiles are kept in this folder.',
  'settings.profiles': 'All profiles',
  'settings.deleteTitle': 'Delete profile',
  'settings.deleteBody': 'Deleting “{name}” permanently deletes its database file and every bill, account and consent record in it.',
  'settings.deleteButton': 'Delete this profile…',
} as const satisfies TranslationOf<typeof zhCN>;

export const messages = { 'zh-CN': zhCN satisfies TranslationOf<typeof en>, en };
