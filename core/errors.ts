// Every error that can reach a user: a stable code, and its message in both UI languages.
// The renderer shows `message[locale]`; `details` carries machine-readable context (file, line, field).

export type Locale = 'zh-CN' | 'en';
export type LocalizedText = Record<Locale, string>;

const catalogue = {
  'db.newer_version': {
    'zh-CN': '数据库 {file} 由更新版本的 Credence 创建（架构版本 {found}，本程序支持到 {supported}）。为保护数据，未作任何修改。请升级 Credence 后再打开。',
    en: 'Database {file} was created by a newer Credence (schema version {found}; this build supports up to {supported}). It was left untouched. Upgrade Credence to open it.',
  },
  'db.corrupt': {
    'zh-CN': '数据库 {file} 完整性检查失败：{reason}。未写入任何数据。请从备份恢复。',
    en: 'Database {file} failed its integrity check: {reason}. Nothing was written. Restore it from a backup.',
  },
  'db.not_found': {
    'zh-CN': '找不到数据库文件 {file}。',
    en: 'Database file {file} does not exist.',
  },
  'db.migration_mismatch': {
    'zh-CN': '数据库 {file} 的迁移记录 {version} 与本程序不一致（记录为 {found}，应为 {expected}）。未作任何修改。',
    en: 'Database {file} records migration {version} as {found}, but this build has {expected}. It was left untouched.',
  },
  'profile.not_found': {
    'zh-CN': '找不到档案 {id}。',
    en: 'Profile {id} does not exist.',
  },
  'profile.duplicate_name': {
    'zh-CN': '已存在名为「{name}」的档案。',
    en: 'A profile named "{name}" already exists.',
  },
  'profile.invalid_name': {
    'zh-CN': '档案名称须为 1 到 80 个字符。',
    en: 'A profile name must be 1 to 80 characters long.',
  },
  'ipc.unknown_channel': {
    'zh-CN': '未知的请求通道 {channel}。',
    en: 'Unknown request channel {channel}.',
  },
  'ipc.forbidden_sender': {
    'zh-CN': '拒绝来自非本应用页面的请求。',
    en: 'Request refused: it did not come from the app’s own page.',
  },
  'ipc.invalid_request': {
    'zh-CN': '请求内容无效：{summary}',
    en: 'Invalid request: {summary}',
  },
  'ipc.invalid_response': {
    'zh-CN': '内部错误：响应不符合约定（{channel}）。',
    en: 'Internal error: the response did not match the contract ({channel}).',
  },
  internal: {
    'zh-CN': '内部错误，操作未完成，数据未被修改。',
    en: 'Internal error: the operation did not complete and no data was changed.',
  },
  'cli.usage': {
    'zh-CN': '命令用法错误：{reason}。运行 credence --help 查看帮助。',
    en: 'Usage error: {reason}. Run credence --help for help.',
  },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof catalogue;
export const errorCodes = Object.keys(catalogue) as ErrorCode[];

export interface ErrorPayload {
  code: ErrorCode;
  message: LocalizedText;
  details: Record<string, unknown>;
}

function fill(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in details ? String(details[key]) : whole));
}

export function localize(code: ErrorCode, details: Record<string, unknown> = {}): LocalizedText {
  const text = catalogue[code];
  return { 'zh-CN': fill(text['zh-CN'], details), en: fill(text.en, details) };
}

export class CredenceError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly localized: LocalizedText;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    const localized = localize(code, details);
    super(localized.en);
    this.name = 'CredenceError';
    this.code = code;
    this.details = details;
    this.localized = localized;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.localized, details: this.details };
  }
}

/** Anything thrown, as a payload safe to show: never a stack trace. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof CredenceError) return error.toPayload();
  return { code: 'internal', message: localize('internal'), details: {} };
}
