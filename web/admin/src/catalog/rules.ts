import type { CollectionRule } from './pendingOperations';

/**
 * The condition builder of automatic collections: which product fields a condition can test, the comparisons each
 * allows, and whether a set of conditions is complete enough to preview or save.
 */

export interface RuleField {
  field: string;
  label: string;
  kind: 'text' | 'money' | 'status';
}

export const RULE_FIELDS: RuleField[] = [
  { field: 'tag', label: 'Tag', kind: 'text' },
  { field: 'brand', label: 'Brand', kind: 'text' },
  { field: 'productType', label: 'Product type', kind: 'text' },
  { field: 'title', label: 'Title', kind: 'text' },
  { field: 'category', label: 'Category (slug)', kind: 'text' },
  { field: 'price', label: 'Price', kind: 'money' },
  { field: 'status', label: 'Status', kind: 'status' },
];

export const OPERATORS: Record<RuleField['kind'], { operator: string; label: string }[]> = {
  text: [
    { operator: 'equals', label: 'is' },
    { operator: 'notEquals', label: 'is not' },
    { operator: 'contains', label: 'contains' },
  ],
  money: [
    { operator: 'greaterThan', label: 'is more than' },
    { operator: 'lessThan', label: 'is less than' },
    { operator: 'equals', label: 'is' },
  ],
  status: [
    { operator: 'equals', label: 'is' },
    { operator: 'notEquals', label: 'is not' },
  ],
};

export function fieldOf(field: string): RuleField {
  return RULE_FIELDS.find((candidate) => candidate.field === field) ?? RULE_FIELDS[0]!;
}

export function newRule(field = 'tag'): CollectionRule {
  return { field, operator: OPERATORS[fieldOf(field).kind][0]!.operator, value: '' };
}

/** Changing a condition's field keeps its comparison when the new field allows it, otherwise takes the first. */
export function changeField(rule: CollectionRule, field: string): CollectionRule {
  const operators = OPERATORS[fieldOf(field).kind];
  const operator = operators.some((candidate) => candidate.operator === rule.operator) ? rule.operator : operators[0]!.operator;
  return { field, operator, value: fieldOf(field).kind === fieldOf(rule.field).kind ? rule.value : '' };
}

/** Why a condition cannot be used yet, or null when it can. */
export function ruleProblem(rule: CollectionRule): string | null {
  const value = rule.value.trim();
  if (!value) return 'Enter a value.';
  const kind = fieldOf(rule.field).kind;
  if (!OPERATORS[kind].some((candidate) => candidate.operator === rule.operator)) return 'Choose a comparison.';
  if (kind === 'money' && !/^\d+(\.\d{1,2})?$/.test(value)) return 'Enter an amount such as 25 or 19.99.';
  if (kind === 'status' && !['draft', 'active', 'archived'].includes(value.toLowerCase())) return 'Choose draft, active or archived.';
  return null;
}

/** The conditions as the platform takes them (values trimmed, amounts in minor units), or null while any is incomplete. */
export function completeRules(rules: CollectionRule[]): CollectionRule[] | null {
  if (rules.length === 0 || rules.some((rule) => ruleProblem(rule) !== null)) return null;
  return rules.map((rule) => {
    const value = rule.value.trim();
    if (fieldOf(rule.field).kind === 'money') {
      const [whole, fraction = ''] = value.split('.');
      return { ...rule, value: String(Number(whole) * 100 + Number(fraction.padEnd(2, '0'))) };
    }
    return { ...rule, value: fieldOf(rule.field).kind === 'status' ? value.toLowerCase() : value };
  });
}
