// One realistic invocation (or a few) of every `credence` command and subcommand, for the tests
// that walk them all: nothing leaves a profile without a consent (test/unit/consent), and every
// command calls exactly the channels it declares (test/unit/cli/channel-table.test.ts). The keys
// are the commands' words; a test fails until a new subcommand has its invocation here. Order
// matters: records are added before they are edited, deletions and the export come last.

import { join } from 'node:path';
import { formatDay, today } from '../../core/shared/calendar.ts';

/** The scenario file the README shows (its account #1 is the walk's card). */
export const EXAMPLE_SCENARIO = join(import.meta.dirname, '../../examples/whatif/pay-before-statement.json');

/**
 * What `credence consent grant` is asked for (expiring in 30 days: a consent lasts at most 365);
 * run once to read the notice's sha256, then again with it to agree.
 */
export const GRANT_ARGS = ['--recipient', 'X', '--contact', 'x@example.com', '--purpose', 'credit_review', '--fields', 'accounts', '--expires', formatDay(today() + 30)];

export interface CliWalkIds {
  /** The profile's database, with a card account (#1), an imported bill and a query record (#1). */
  db: string;
  dataDir: string;
  /** A plaintext profile of its own, which the walk encrypts, re-keys and gives a new passphrase. */
  scratchDb: string;
  /** A file that is not a bill, a passphrase / password file, and where the export goes. */
  bill: string;
  passwordFile: string;
  out: string;
  activeConsent: string;
  withdrawnConsent: string;
  /** The sha256 of the notice GRANT_ARGS prints. */
  noticeSha256: string;
}

export function cliInvocations(ids: CliWalkIds): Record<string, string[][]> {
  const db = ['--db', ids.db];
  const scratch = ['--db', ids.scratchDb, '--passphrase-file', ids.passwordFile];
  return {
    'profile create': [['profile', 'create', '客户乙', '--data-dir', ids.dataDir], ['profile', 'create', '示例客户（合成数据）', '--sample', '--data-dir', ids.dataDir]],
    'profile edit': [['profile', 'edit', ...db, '--phone', '138 1234 5678', '--tags', '房贷,首套', '--notes', '2027 年买房']],
    'profile archive': [['profile', 'archive', ...db]],
    'profile unarchive': [['profile', 'unarchive', ...db]],
    'profile list': [['profile', 'list', '--data-dir', ids.dataDir]],
    'profile encrypt': [['profile', 'encrypt', ...scratch]],
    'profile passphrase': [['profile', 'passphrase', ...scratch, '--new-passphrase-file', ids.passwordFile]],
    'profile rekey': [['profile', 'rekey', ...scratch]],
    // A backup is the user's own copy in the data folder (not an export); restore refuses a missing file.
    'backup create': [['backup', 'create', ...db]],
    'backup list': [['backup', 'list', ...db]],
    'backup restore': [['backup', 'restore', '--from', `${ids.dataDir}/absent.sqlite`, ...db]],
    import: [['import', ids.bill, ...db]],
    'review list': [['review', 'list', ...db]],
    'review confirm': [['review', 'confirm', '999', ...db]],
    'review correct': [['review', 'correct', '999', 'none', ...db]],
    'review groups': [['review', 'groups', ...db]],
    'review confirm-all': [['review', 'confirm-all', 'alipay:jiebei_disbursement', ...db]],
    'review correct-all': [['review', 'correct-all', 'alipay:jiebei_disbursement', 'none', ...db]],
    'review undo': [['review', 'undo', '999', ...db]],
    'accounts list': [['accounts', ...db]],
    'accounts show': [['accounts', 'show', '1', ...db]],
    'accounts add': [['accounts', 'add', 'bank_loan', 'principal=10000', 'openedOn=2026-01-10', 'termMonths=12', ...db]],
    'accounts edit': [['accounts', 'edit', '1', 'limit=25000', ...db]],
    'accounts hide': [['accounts', 'hide', '1', ...db]],
    'accounts unhide': [['accounts', 'unhide', '1', ...db]],
    'month show': [['month', 'show', '1', '2026-06', ...db]],
    'month set': [['month', 'set', '1', '2026-06', 'amountPaid=1', ...db]],
    'month clear': [['month', 'clear', '1', '2026-06', ...db]],
    'installments add': [['installments', 'add', '1', '600', '3', '2026-05', ...db]],
    'installments list': [['installments', 'list', '1', ...db]],
    'installments edit': [['installments', 'edit', '1', '1', 'periods=6', ...db]],
    'installments delete': [['installments', 'delete', '1', '1', ...db]],
    'links list': [['links', 'list', ...db]],
    'links assign': [['links', 'assign', '1', 'reset', ...db]],
    'query add': [['query', 'add', '2026-05-01', '某银行', '03', ...db]],
    'query list': [['query', 'list', ...db]],
    'query edit': [['query', 'edit', '1', 'reasonCode=02', ...db]],
    'observe add': [['observe', 'add', 'sesame', '700', '2026-07-01', ...db]],
    'observe list': [['observe', 'list', ...db]],
    'observe edit': [['observe', 'edit', '1', 'value=701', ...db]],
    report: [['report', ...db]],
    score: [['score', ...db]],
    'score history': [['score', 'history', ...db]],
    'score snapshot': [['score', 'snapshot', ...db]],
    'checklist list': [['checklist', ...db], ['checklist', 'list', ...db, '--json']],
    'checklist dismiss': [['checklist', 'dismiss', 'income', ...db]],
    'checklist restore': [['checklist', 'restore', 'income', ...db]],
    'score cap': [['score', 'cap', 'online_loans', 'd', ...db], ['score', 'cap', 'online_loans', 'default', ...db]],
    // By the seeded profile's imported file's name (looked up through transactions.facets).
    transactions: [['transactions', ...db], ['transactions', '--text', '某', '--limit', '5', '--file', 'alipay-synthetic.csv', '--json', ...db]],
    'charts utilisation': [['charts', 'utilisation', ...db], ['charts', 'utilisation', '--account', '1', '--months', '6', '--json', ...db]],
    'charts spending': [['charts', 'spending', '--months', '12', ...db]],
    'charts balance': [['charts', 'balance', '--account', '1', '--json', ...db]],
    // As of a fixed day, so that the example's dated actions stay in its future.
    whatif: [['whatif', EXAMPLE_SCENARIO, '--as-of', '2026-12-01', '--months', '8', ...db]],
    target: [['target', '--goal', 'lender:pass', '--by', '2027-06-30', '--as-of', '2026-12-01', ...db], ['target', '--goal', 'bureau:b', '--by', '2027-06-30', '--as-of', '2026-12-01', '--json', ...db]],
    'whatif save': [['whatif', 'save', EXAMPLE_SCENARIO, ...db]],
    'whatif list': [['whatif', 'list', ...db]],
    'whatif rename': [['whatif', 'rename', '1', '先还卡', ...db]],
    'whatif duplicate': [['whatif', 'duplicate', '1', ...db]],
    'whatif plan': [['whatif', 'plan', '1', ...db]],
    'plan show': [['plan', 'show', ...db], ['plan', '--json', '--as-of', '2027-02-01', ...db]],
    'whatif delete': [['whatif', 'delete', '2', ...db]],
    'settings show': [['settings', ...db]],
    'settings rule': [['settings', 'rule', 'hard_queries_6m', 'warn=5', ...db]],
    'settings hard-reasons': [['settings', 'hard-reasons', '02,03', ...db]],
    'settings income': [['settings', 'income', '12000', ...db]],
    'settings grace': [['settings', 'grace', '招商银行', 'days=0', 'tolerance=0', ...db], ['settings', 'grace', '招商银行', ...db], ['settings', 'grace', '招商银行', 'default', ...db]],
    'settings dti': [['settings', 'dti', '5', ...db], ['settings', 'dti', 'default', ...db]],
    'settings facts': [['settings', 'facts', ...db], ['settings', 'facts', 'education=bachelor', ...db]],
    'consent grant': [['consent', 'grant', ...GRANT_ARGS, '--sign', '张三丰', '--accept', ids.noticeSha256, ...db]],
    'consent list': [['consent', 'list', ...db]],
    'consent show': [['consent', 'show', ids.activeConsent, ...db]],
    'consent withdraw': [['consent', 'withdraw', ids.withdrawnConsent, ...db]],
    // Refused (after the withdrawal above): the withdrawn consent cannot carry the printed plan (test/e2e/plan-print.spec.ts prints one under an active consent).
    'plan pdf': [['plan', 'pdf', '--consent', ids.withdrawnConsent, '--out', `${ids.out}.pdf`, ...db]],
    'audit verify': [['audit', 'verify', ...db]],
    'query delete': [['query', 'delete', '1', ...db]],
    'observe delete': [['observe', 'delete', '1', ...db]],
    'accounts delete': [['accounts', 'delete', '2', '--yes', ...db]],
    'profile delete': [['profile', 'delete', '00000000-0000-4000-8000-000000000000', '--data-dir', ids.dataDir, '--yes']],
    export: [
      ['export', '--consent', ids.withdrawnConsent, '--out', ids.out, '--password-file', ids.passwordFile, ...db],
      ['export', '--consent', ids.withdrawnConsent, '--out', ids.out, '--password-file', ids.passwordFile, '--fields', 'accounts', ...db],
    ],
    'export verify': [['export', 'verify', ids.out, '--password-file', ids.passwordFile]],
  };
}
