// The printed plan in the desktop app: the window is showing the print view (#/plan/print), so
// main prints that page to an A4 PDF (Chromium's printToPDF, with the CJK font the renderer
// bundles). Where it goes and whether it may go at all is core's: a save dialog, and a consent
// (core/consent/plan-export.ts). The renderer never sees the bytes or touches the file system.

import type { BrowserWindow } from 'electron';
import type { HandlerContext } from '../core/ipc/handler-context.ts';
import { CredenceError } from '../core/shared/errors.ts';

export function planPrinter(getWindow: () => BrowserWindow | null): NonNullable<HandlerContext['printPlanPdf']> {
  return async () => {
    const window = getWindow();
    if (!window) throw new CredenceError('plan.print_failed', { reason: 'no window' });
    return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  };
}
