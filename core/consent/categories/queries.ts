// Credit-report query records the user entered (core/ledger/queries.ts), hard by the profile's set.

import { queryRecords } from '../../ledger/queries.ts';
import { column, type CategorySource } from './types.ts';

export const queriesCategory: CategorySource = {
  code: 'queries',
  label: { 'zh-CN': '征信查询记录', en: 'Credit-report queries' },
  purpose: {
    'zh-CN': '哪些机构在什么时候、以什么原因查询过你的征信，用于判断近期申请是否过多。',
    en: 'Which institutions queried your credit report, when and why: shows whether you applied for credit often recently.',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('queryId', 'integer', '记录编号', 'Record id'),
    column('queriedOn', 'date', '查询日期', 'Queried on'),
    column('institution', 'text', '查询机构', 'Institution'),
    column('institutionType', 'text', '机构类型代码', 'Institution type code'),
    column('reasonCode', 'text', '查询原因代码', 'Reason code'),
    column('hard', 'boolean', '硬查询', 'Hard query'),
    column('note', 'text', '备注', 'Note'),
  ],
  collect(db) {
    return queryRecords.list(db).map((q) => ({
      queryId: q.id,
      queriedOn: q.queriedOn,
      institution: q.institution,
      institutionType: q.institutionType,
      reasonCode: q.reasonCode,
      hard: q.hard,
      note: q.note,
    }));
  },
};
