// `credence audit verify`: the chained log of a profile, as the Consent page shows it.

import { CredenceError } from '../../shared/errors.ts';
import { withContract } from '../contract-call.ts';
import { printJson, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

const REASONS = {
  content_changed: { 'zh-CN': '的内容已被改动（或被移到别处）', en: 'its content was changed, or it was moved' },
  link_broken: { 'zh-CN': '与前一条的链接断开（之前有条目被删除、插入或调换）', en: 'its link to the entry before is broken (an entry was deleted, inserted or moved before it)' },
} as const;

async function verify(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'audit verify', async ({ call, profileId }) => {
    const check = await call('audit.verify', { profileId });
    if (ctx.json) printJson(ctx, check);
    else {
      const zh = ctx.locale === 'zh-CN';
      ctx.io.out(zh ? `审计日志：${check.entries} 条，最新 #${check.head.id} ${check.head.hash}` : `Audit log: ${check.entries} entries, head #${check.head.id} ${check.head.hash}`);
      if (check.ok) ctx.io.out(zh ? '完整：每一条都与前一条相连，内容未被改动。' : 'Intact: every entry links to the one before it and is unchanged.');
    }
    if (check.firstBroken) {
      const b = check.firstBroken;
      throw new CredenceError('audit.chain_broken', { id: b.id, action: b.action, at: b.at, reasonZh: REASONS[b.reason]['zh-CN'], reasonEn: REASONS[b.reason].en });
    }
    if (check.firstUnlogged) {
      const u = check.firstUnlogged;
      throw new CredenceError('audit.chain_broken', { id: u.auditId, action: `${u.kind} ${u.id}`, at: '—', reasonZh: '已不在日志中或被改动', reasonEn: 'it is missing from the log or was changed' });
    }
    return 0;
  });
}

export const auditCommand: Command = {
  name: 'audit',
  summary: { 'zh-CN': '校验防篡改审计日志（哈希链）', en: 'verify the tamper-evident audit log (hash chain)' },
  subcommands: {
    verify: {
      args: '',
      summary: { 'zh-CN': '每一条都与前一条相连、内容未被改动', en: 'every entry links to the one before it and is unchanged' },
      channels: ['audit.verify'],
      run: verify,
    },
  },
};
