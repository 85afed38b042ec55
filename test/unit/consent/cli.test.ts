import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { tempDir } from '../../helpers/temp.ts';
import { dayFromNow, seedProfile } from './helpers.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--lang', 'en'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The seeded profile's file, and a folder for packages. */
async function profile() {
  const seeded = await seedProfile();
  const file = seeded.store.fileFor(seeded.profileId);
  seeded.store.close();
  const dir = tempDir('credence-cli-out-');
  writeFileSync(join(dir, 'pw'), 'cli-password-2026\n');
  return { file, dir, pw: join(dir, 'pw') };
}

function grantArgs(file: string, extra: string[] = []) {
  return ['consent', 'grant', '--recipient', 'Wang Adviser', '--contact', 'wang@example.com', '--purpose', 'credit_review', '--fields', 'accounts,transactions.amountFen', '--expires', dayFromNow(20), '--max-exports', '2', '--db', file, ...extra];
}

async function grant(file: string): Promise<string> {
  const first = await run([...grantArgs(file), '--json']);
  const { notice } = JSON.parse(first.stdout) as { notice: { sha256: string } };
  const granted = await run([...grantArgs(file), '--sign', 'Zhang San', '--accept', notice.sha256, '--json']);
  expect(granted.code, granted.stderr).toBe(0);
  return (JSON.parse(granted.stdout) as { consent: { id: string } }).consent.id;
}

describe('credence consent', () => {
  it('grant prints the whole notice and grants nothing until it is signed with the notice’s hash', async () => {
    const { file } = await profile();
    const first = await run(grantArgs(file));
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Notice for separate consent to providing personal information (consent-notice@1)');
    expect(first.stdout).toContain('Agreeing affirms:');
    expect(first.stderr).toMatch(/^Not granted: read the whole notice above\. To agree, run the same command again with --sign "YOUR NAME" --accept [0-9a-f]{64}\.$/);
    expect(JSON.parse((await run(['consent', 'list', '--db', file, '--json'])).stdout)).toEqual({ consents: [] });
    const wrong = await run([...grantArgs(file), '--sign', 'Zhang San', '--accept', '0123456789abcdef']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The notice you read is not the notice for these terms');
    const sha = /--accept ([0-9a-f]{64})/.exec(first.stderr)![1]!;
    const granted = await run([...grantArgs(file), '--sign', 'Zhang San', '--accept', sha.slice(0, 12)]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain('Credence — Consent receipt: granted');
    expect(granted.stdout).toContain('cli_notice_hash+typed_name');
  });

  it('lists, shows and withdraws, each with --json', async () => {
    const { file } = await profile();
    const id = await grant(file);
    const listed = JSON.parse((await run(['consent', 'list', '--db', file, '--json'])).stdout) as { consents: { id: string; state: string; record: { categories: unknown } }[] };
    expect(listed.consents).toMatchObject([{ id, state: 'active', record: { categories: [{ code: 'accounts' }, { code: 'transactions', fields: ['amountFen'] }] } }]);
    const shown = JSON.parse((await run(['consent', 'show', id, '--db', file, '--json'])).stdout) as { receipts: { kind: string; json: { event: string } }[] };
    expect(shown.receipts.map((r) => [r.kind, r.json.event])).toEqual([['granted', 'granted']]);
    const withdrawn = await run(['consent', 'withdraw', id, '--db', file]);
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout).toContain('Consent receipt: withdrawn');
    const again = await run(['consent', 'withdraw', id, '--db', file, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr).error.code).toBe('consent.not_withdrawable');
  });
});

describe('credence export', () => {
  it('without a valid consent exits non-zero, names why and writes no file', async () => {
    const { file, dir } = await profile();
    const out = join(dir, 'package.zip');
    const none = await run(['export', '--out', out, '--db', file]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('export needs --consent ID');
    const unknown = await run(['export', '--consent', '0190c3a0-0000-7000-8000-000000000000', '--out', out, '--db', file, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ code: 'export.consent_not_found' });
    const id = await grant(file);
    await run(['consent', 'withdraw', id, '--db', file]);
    const withdrawn = await run(['export', '--consent', id, '--out', out, '--db', file]);
    expect(withdrawn.code).toBe(1);
    expect(withdrawn.stderr).toMatch(/^Not exported: consent .* was withdrawn at .*\. No file was written\.$/);
    const outside = await run(['export', '--consent', await grant(file), '--out', out, '--fields', 'transactions.item', '--db', file]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('does not cover these fields: transactions.item');
    expect(readdirSync(dir)).toEqual(['pw']);
  });

  it('exports under a consent, refuses to overwrite, and export verify checks the package and the log', async () => {
    const { file, dir, pw } = await profile();
    const id = await grant(file);
    const out = join(dir, 'package.zip');
    const made = await run(['export', '--consent', id, '--out', out, '--password-file', pw, '--db', file, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const result = JSON.parse(made.stdout) as { export: { packageSha256: string; fileName: string }; consent: { exportsLeft: number }; generatedPassword: null };
    expect(result).toMatchObject({ export: { fileName: 'package.zip' }, consent: { exportsLeft: 1 }, generatedPassword: null });
    const exists = await run(['export', '--consent', id, '--out', out, '--password-file', pw, '--db', file]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists and was not overwritten');

    const verified = await run(['export', 'verify', out, '--password-file', pw, '--db', file, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, packageSha256: result.export.packageSha256, logged: { consentId: id } });
    const wrong = join(dir, 'wrong');
    writeFileSync(wrong, 'not it');
    expect((await run(['export', 'verify', out, '--password-file', wrong])).stderr).toContain('is wrong');

    const bytes = readFileSync(out);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
    const changed = join(dir, 'changed.zip');
    writeFileSync(changed, bytes);
    const broken = await run(['export', 'verify', changed, '--password-file', pw]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/failed verification: .* \((damaged|sha256|missing)\)/);
  });

  it('generates the password when none is given and shows it once', async () => {
    const { file, dir } = await profile();
    const id = await grant(file);
    const made = await run(['export', '--consent', id, '--out', join(dir, 'p.zip'), '--db', file]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Password \(shown once; give it to the recipient separately\): [A-Za-z2-9]{20}/);
    expect(existsSync(join(dir, 'p.zip'))).toBe(true);
  });
});

describe('credence audit verify', () => {
  it('passes an intact log and names the first broken link of an edited one', async () => {
    const { file } = await profile();
    await grant(file);
    const intact = await run(['audit', 'verify', '--db', file, '--json']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, firstBroken: null });
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const raw = new Database(file);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE id = 2;");
    raw.close();
    const broken = await run(['audit', 'verify', '--db', file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^The audit log failed verification at entry 2 \(.*\): its content was changed, or it was moved\.$/);
  });
});
