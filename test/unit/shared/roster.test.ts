// The roster's search and sort (core/shared/roster.ts) on hand-built lines whose orders are
// worked out below each case.

import { describe, expect, it } from 'vitest';
import { rosterView, type RosterLine } from '../../../core/shared/roster.ts';

function line(id: string, name: string, extra: { phone?: string; tags?: string[]; notes?: string; archived?: boolean; lastImportAt?: string; next?: string } = {}): RosterLine {
  return {
    id,
    name,
    client: {
      details: { phone: extra.phone ?? null, tags: extra.tags ?? [], notes: extra.notes ?? '', archivedAt: extra.archived ? '2026-11-01T10:00:00+08:00' : null },
      lastImportAt: extra.lastImportAt ?? null,
      nextAction: extra.next ? { by: extra.next } : null,
    },
  };
}

const lines = [
  line('a', '王芳', { phone: '13912340001', tags: ['房贷'], lastImportAt: '2026-11-20T09:00:00+08:00', next: '2026-12-31' }),
  line('b', '李娜', { phone: '13812345678', tags: ['车贷', '首套'], notes: '明年春天买车', lastImportAt: '2026-11-28T21:15:00+08:00' }),
  line('c', '张伟', { tags: ['房贷', '首套'], next: '2026-12-05' }),
  line('d', 'Chen Jie', { lastImportAt: '2026-10-02T08:00:00+08:00', next: '2027-03-01', archived: true }),
  { id: 'e', name: '赵强' }, // locked: no client details at all
];
const names = (found: RosterLine[]) => found.map((l) => l.name);

describe('roster search', () => {
  it('hides archived lines unless asked, and finds by name, tag, notes or phone digits, every word', () => {
    expect(names(rosterView(lines))).not.toContain('Chen Jie');
    expect(names(rosterView(lines, { archived: true }))).toContain('Chen Jie');
    expect(names(rosterView(lines, { query: '房贷' }))).toEqual(['王芳', '张伟']); // tag
    expect(names(rosterView(lines, { query: '#首套 张' }))).toEqual(['张伟']); // both words: 张伟 has 首套 and 张
    expect(names(rosterView(lines, { query: '买车' }))).toEqual(['李娜']); // notes
    expect(names(rosterView(lines, { query: '5678' }))).toEqual(['李娜']); // the phone's last four
    expect(names(rosterView(lines, { query: 'chen', archived: true }))).toEqual(['Chen Jie']); // case folded
    expect(names(rosterView(lines, { query: '没有这个人' }))).toEqual([]);
  });
});

describe('roster sort', () => {
  it('by name in Chinese collation: Chinese names by pinyin (Li, Wang, Zhang, Zhao), then Latin ones (as the profile store lists them)', () => {
    expect(names(rosterView(lines, { sort: 'name', archived: true }))).toEqual(['李娜', '王芳', '张伟', '赵强', 'Chen Jie']);
  });

  it('by last import, newest first, never-imported last (then by name)', () => {
    // 李娜 11-28 > 王芳 11-20 > Chen 10-02; 张伟 and 赵强 have none: by name (Zhang < Zhao).
    expect(names(rosterView(lines, { sort: 'lastImport', archived: true }))).toEqual(['李娜', '王芳', 'Chen Jie', '张伟', '赵强']);
  });

  it('by the plan’s next action, soonest first, none last', () => {
    // 张伟 12-05 < 王芳 12-31 < Chen 2027-03-01; 李娜 and 赵强 have no step: Li < Zhao.
    expect(names(rosterView(lines, { sort: 'nextAction', archived: true }))).toEqual(['张伟', '王芳', 'Chen Jie', '李娜', '赵强']);
  });
});
