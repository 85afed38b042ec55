// The desktop app's printer of the plan (electron/plan-pdf.ts): the window's own print view, to
// A4 with its backgrounds, through Electron's printToPDF (a stand-in window here: the Electron
// binary is absent; test/e2e/plan-print.spec.ts prints the same view in Chromium for real).

import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { planPrinter } from '../../electron/plan-pdf.ts';

describe('the desktop plan printer', () => {
  it('prints the window showing the print view to A4, and refuses without a window', async () => {
    const asked: unknown[] = [];
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const window = { webContents: { printToPDF: async (options: unknown) => (asked.push(options), pdf) } } as unknown as BrowserWindow;
    expect(await planPrinter(() => window)({ profileId: 'p', lang: 'both', presentation: false })).toBe(pdf);
    expect(asked).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    await expect(planPrinter(() => null)({ profileId: 'p', lang: 'zh-CN', presentation: false })).rejects.toMatchObject({ code: 'plan.print_failed' });
  });
});
