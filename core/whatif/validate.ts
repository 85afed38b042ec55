// Reading a scenario: every action checked on its own (its type, then each field), then against
// the ledger it is applied to (scenario-state.ts). Every problem names the action (its position
// and name) and the field, in both languages, and all of them are reported at once; the UI puts
// each under its field (details.problems), the CLI prints them.

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { ACTION_NAMES } from '../shared/whatif-actions.ts';
import { FIELD_RULES, fill } from './action-text.ts';
import { ACTION_TYPES, actionSchema, MAX_ACTIONS, scenarioInputSchema, type ActionType, type Scenario, type WhatIfAction } from './schema.ts';

export interface ActionProblemDetail {
  /** 0-based position of the action; null for the scenario itself (its name, its list). */
  actionIndex: number | null;
  field: string;
  message: LocalizedText;
}

function actionLabel(index: number, type: unknown): LocalizedText {
  const name = typeof type === 'string' && (ACTION_TYPES as readonly string[]).includes(type) ? ACTION_NAMES[type as ActionType] : null;
  return {
    'zh-CN': `第 ${index + 1} 项操作${name ? `「${name['zh-CN']}」` : ''}`,
    en: `action ${index + 1}${name ? ` (${name.en})` : ''}`,
  };
}

/** A problem of action `index` (or of the scenario, index null) with `field`. */
export function actionProblem(index: number | null, type: unknown, field: string, rule: LocalizedText): ActionProblemDetail {
  const where = index === null ? { 'zh-CN': '方案', en: 'scenario' } : actionLabel(index, type);
  return {
    actionIndex: index,
    field,
    message: { 'zh-CN': `${where['zh-CN']}·${field}：${rule['zh-CN']}`, en: `${where.en}, ${field}: ${rule.en}` },
  };
}

export function invalidScenario(name: string, problems: readonly ActionProblemDetail[]): CredenceError {
  return new CredenceError('whatif.invalid_scenario', {
    name,
    problems,
    problemsZh: problems.map((p) => p.message['zh-CN']).join('；'),
    problemsEn: problems.map((p) => p.message.en).join('; '),
  });
}

function issueProblems(index: number | null, type: unknown, issues: readonly z.core.$ZodIssue[]): ActionProblemDetail[] {
  const out: ActionProblemDetail[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const fields = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'type')];
    for (const field of fields) {
      if (seen.has(field)) continue;
      seen.add(field);
      const rule = issue.code === 'unrecognized_keys' ? FIELD_RULES.unknown_field : (FIELD_RULES[field] ?? FIELD_RULES.unknown_field);
      out.push(actionProblem(index, type, field, rule));
    }
  }
  return out;
}

/** One action, checked on its own. */
export function parseAction(input: unknown, index: number): { action: WhatIfAction | null; problems: ActionProblemDetail[] } {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(ACTION_TYPES as readonly string[]).includes(type)) {
    return { action: null, problems: [actionProblem(index, type, 'type', FIELD_RULES.type)] };
  }
  const parsed = actionSchema.safeParse(input);
  if (parsed.success) return { action: parsed.data, problems: [] };
  return { action: null, problems: issueProblems(index, type, parsed.error.issues) };
}

/** A scenario as a file or a request holds it: its name and each action checked on its own. */
export function parseScenario(input: unknown): Scenario {
  const shape = scenarioInputSchema.safeParse(input);
  const name = typeof input === 'object' && input !== null && typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : '';
  if (!shape.success) {
    const problems = shape.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'name');
      const rule: LocalizedText =
        field === 'actions'
          ? { 'zh-CN': fill('须为最多 {max} 项操作的列表', { max: MAX_ACTIONS }), en: fill('must be a list of at most {max} actions', { max: MAX_ACTIONS }) }
          : issue.code === 'unrecognized_keys'
            ? FIELD_RULES.unknown_field
            : { 'zh-CN': '名称须为 1 到 80 个字', en: 'the name must be 1 to 80 characters' };
      return actionProblem(null, null, issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : field, rule);
    });
    throw invalidScenario(name, problems);
  }
  const actions: WhatIfAction[] = [];
  const problems: ActionProblemDetail[] = [];
  shape.data.actions.forEach((raw, index) => {
    const { action, problems: found } = parseAction(raw, index);
    if (action) actions.push(action);
    problems.push(...found);
  });
  if (problems.length > 0) throw invalidScenario(shape.data.name, problems);
  return { name: shape.data.name, actions };
}
