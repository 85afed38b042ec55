// The shell's messages: the app frame, navigation, language switch, notices, profiles and
// the first-profile panel (renderer/src/components, App.tsx), and the delete dialog.
// zh-CN first; the English is checked against it both ways (i18n/translation.ts).
import type { TranslationOf } from '../i18n/translation.ts';

const zhCN = {
  'app.name': 'Credence',
  'app.title': 'Credence 个人信用管家',
  'app.tagline': '数据只保存在这台电脑上',
  'app.loading': '正在加载…',
  'app.skipToContent': '跳到主要内容',
  'app.retry': '重试',
  'app.loadFailed': '无法读取档案列表。',
  'app.bridgeMissing': '无法连接到 Credence 主程序。请在 Credence 应用中打开此页面。',
  'app.ipcFailed': '与 Credence 主程序通信失败，操作未完成。',

  'nav.label': '主导航',
  'nav.dashboard': '总览',
  'nav.import': '导入账单',
  'nav.accounts': '账户',
  'nav.bureau': '征信报告',
  'nav.whatif': '假设分析',
  'nav.plan': '计划',
  'nav.consent': '授权与导出',
  'nav.settings': '设置',

  'locale.switchLabel': '切换界面语言为英文',
  'locale.switchTo': 'English',

  'notice.dismiss': '关闭通知',

  'profiles.switcherLabel': '当前档案',
  'profiles.choose': '请选择档案…',
  'profiles.none': '还没有档案',
  'profiles.unavailableOption': '{name}（无法打开）',
  'profiles.unavailableBadge': '无法打开',
  'profiles.newLabel': '新建档案',
  'profiles.namePlaceholder': '档案名称，例如：本人',
  'profiles.create': '创建',
  'profiles.creating': '正在创建…',
  'profiles.nameRequired': '请输入档案名称（1 到 80 个字符）。',
  'profiles.use': '使用档案「{name}」',
  'profiles.current': '当前',
  'profiles.createdAt': '创建于 {date}',

  'first.title': '创建你的第一个档案',
  'first.body': '每个档案都是一个独立的本地数据库，可以是你本人，也可以是你服务的一位客户。所有数据只保存在这台电脑上。',
  'first.chooseTitle': '选择或新建档案',
  'first.chooseBody': '请选择一个已有档案继续，或新建一个档案。',
  'first.existing': '已有档案',

  'dialog.deleteTitle': '永久删除这个档案？',
  'dialog.deleteBody': '档案「{name}」的数据库文件将从这台电脑上永久删除，无法恢复。',
  'dialog.cancel': '取消',
  'dialog.confirmDelete': '永久删除',
  'dialog.deleting': '正在删除…',
} as const;

const en = {
  'app.name': 'Credence',
  'app.title': 'Credence personal credit manager',
  'app.tagline': 'Your data stays on this computer',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to the main content',
  'app.retry': 'Retry',
  'app.loadFailed': 'Could not read the list of profiles.',
  'app.bridgeMissing': 'Cannot reach the Credence main program. Open this page from the Credence app.',
  'app.ipcFailed': 'Communication with the Credence main program failed; the operation did not complete.',

  'nav.label': 'Main navigation',
  'nav.dashboard': 'Dashboard',
  'nav.import': 'Import',
  'nav.accounts': 'Accounts',
  'nav.bureau': 'Bureau report',
  'nav.whatif': 'What-if',
  'nav.plan': 'Plan',
  'nav.consent': 'Consent and export',
  'nav.settings': 'Settings',

  'locale.switchLabel': 'Switch the interface language to Chinese',
  'locale.switchTo': '中文',

  'notice.dismiss': 'Dismiss notice',

  'profiles.switcherLabel': 'Current profile',
  'profiles.choose': 'Choose a profile…',
  'profiles.none': 'No profiles yet',
  'profiles.unavailableOption': '{name} (cannot be opened)',
  'profiles.unavailableBadge': 'Cannot be opened',
  'profiles.newLabel': 'New profile',
  'profiles.namePlaceholder': 'Profile name, e.g. Me',
  'profiles.create': 'Create',
  'profiles.creating': 'Creating…',
  'profiles.nameRequired': 'Enter a profile name (1 to 80 characters).',
  'profiles.use': 'Use profile “{name}”',
  'profiles.current': 'Current',
  'profiles.createdAt': 'Created {date}',

  'first.title': 'Create your first profile',
  'first.body': 'Each profile is a separate local database: yourself, or one client you advise. All data stays on this computer.',
  'first.chooseTitle': 'Choose or create a profile',
  'first.chooseBody': 'Pick an existing profile to continue, or create a new one.',
  'first.existing': 'Existing profiles',

  'dialog.deleteTitle': 'Delete this profile permanently?',
  'dialog.deleteBody': 'The database file of profile “{name}” will be permanently deleted from this computer. It cannot be recovered.',
  'dialog.cancel': 'Cancel',
  'dialog.confirmDelete': 'Delete permanently',
  'dialog.deleting': 'Deleting…',
} as const satisfies TranslationOf<typeof zhCN>;

export const messages = { 'zh-CN': zhCN satisfies TranslationOf<typeof en>, en };
