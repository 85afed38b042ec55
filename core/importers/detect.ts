// Which platform and layout a file is, from its content alone: the container from magic
// bytes, the platform from the header row's column names (found wherever it is, never at a
// fixed line), confirmed against preamble markers when the header is damaged.

import { alipay } from './alipay.ts';
import { citic } from './banks/citic.ts';
import { cmb } from './banks/cmb.ts';
import { icbc } from './banks/icbc.ts';
import { cellText } from './cells.ts';
import { jd } from './jd.ts';
import { meituan } from './meituan.ts';
import { normaliseHeaderName, type Layout, type PlatformSpec } from './platform.ts';
import type { Cell } from './types.ts';
import { wechat } from './wechat.ts';

export const PLATFORMS: readonly PlatformSpec[] = [alipay, wechat, jd, meituan, icbc, cmb, citic];

export type Container = 'zip' | 'cfb' | 'pdf' | 'text';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(head: Uint8Array): Container {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'zip';
  if (CFB_MAGIC.every((byte, i) => head[i] === byte)) return 'cfb';
  // `%PDF-` may follow a few junk bytes; readers accept it anywhere in the first KiB.
  if (Buffer.from(head.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return 'text';
}

export interface HeaderMatch {
  spec: PlatformSpec;
  layout: Layout;
  names: string[];
}

export function headerNames(cells: readonly Cell[]): string[] {
  return cells.map((cell) => normaliseHeaderName(cellText(cell)));
}

function layoutMatches(layout: Layout, names: readonly string[]): boolean {
  const first = names.find((name) => name !== '');
  if (layout.first !== undefined && first !== layout.first) return false;
  return layout.required.every((name) => names.includes(name));
}

export function matchHeader(cells: readonly Cell[]): HeaderMatch | null {
  const names = headerNames(cells);
  for (const spec of PLATFORMS) {
    for (const layout of spec.layouts) {
      if (layoutMatches(layout, names)) return { spec, layout, names };
    }
  }
  return null;
}

/** A header that has most, not all, of a layout's columns: the file was likely edited. */
export function partialHeader(cells: readonly Cell[]): { spec: PlatformSpec; missing: string[] } | null {
  const names = headerNames(cells);
  for (const spec of PLATFORMS) {
    for (const layout of spec.layouts) {
      const missing = layout.required.filter((name) => !names.includes(name));
      if (missing.length > 0 && missing.length * 2 <= layout.required.length) return { spec, missing };
    }
  }
  return null;
}

export function markerPlatform(text: string): PlatformSpec | null {
  return PLATFORMS.find((spec) => spec.markers.some((marker) => marker.test(text))) ?? null;
}

/**
 * The Alipay 记账本 export: `记录时间,分类,收支类型,金额,备注,账户,来源,标签` [3P, one parser's
 * test]; recognised by a time column and 收支类型 with no transaction id column.
 */
export function isAlipayCashbookHeader(cells: readonly Cell[]): boolean {
  const names = headerNames(cells);
  const hasId = names.some((name) => /订单号|交易号|单号/.test(name));
  return !hasId && names.includes('收支类型') && names.includes('金额') && names.some((name) => /^(记录时间|时间|日期)$/.test(name));
}

/** Shown in "expected …" of the not-a-bill error. */
export const EXPECTED_HEADERS = PLATFORMS.map((spec) => spec.layouts[0].required.slice(0, 3).join(',')).join(' | ');
