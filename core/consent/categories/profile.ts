// The profile's own facts: its name (always redacted to the surname, core/consent/redaction.ts)
// and what the user told the Sesame-style estimate about themselves (core/score/profile-facts.ts).

import { readProfileFacts } from '../../settings/profile-facts.ts';
import { column, type CategorySource } from './types.ts';

export const profileCategory: CategorySource = {
  code: 'profile',
  label: { 'zh-CN': '个人资料', en: 'Personal details' },
  purpose: {
    'zh-CN': '让接收方知道这是谁的资料，以及收入、职业、社保公积金等评估还款能力的信息。',
    en: 'Tells the recipient whose data this is, and income, occupation, social insurance and similar facts used to assess repayment capacity.',
  },
  sensitive: true,
  restricted: ['monthlyIncomeFen'],
  columns: [
    column('name', 'text', '姓名（脱敏）', 'Name (redacted)'),
    column('monthlyIncomeFen', 'fen', '月收入（分）', 'Monthly income (fen)'),
    column('education', 'text', '学历', 'Education'),
    column('occupation', 'text', '职业', 'Occupation'),
    column('socialInsurance', 'boolean', '缴纳社保', 'Pays social insurance'),
    column('providentFund', 'boolean', '缴纳公积金', 'Pays housing provident fund'),
    column('ownsHome', 'boolean', '有住房', 'Owns a home'),
    column('ownsVehicle', 'boolean', '有车辆', 'Owns a vehicle'),
    column('phoneYears', 'number', '手机号使用年限', 'Years with current phone number'),
    column('addressYears', 'number', '现住址居住年限', 'Years at current address'),
  ],
  collect(db) {
    const name = db.prepare('SELECT name FROM profile WHERE id = 1').pluck().get() as string;
    return [{ name, ...readProfileFacts(db) }];
  },
};
