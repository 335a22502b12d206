import type { CollectionRuleConditionInput, CollectionRuleField, CollectionRuleOperator } from '../gql/graphql';

/**
 * The condition builder of automatic collections: which product fields a condition can test, the comparisons Catalog
 * allows on each, and whether a set of conditions is complete enough to preview or save. Prices are typed as amounts
 * (19.99) and sent in minor units (1999), as Catalog compares them.
 */

export type CollectionRule = CollectionRuleConditionInput;

export interface RuleField {
  field: CollectionRuleField;
  label: string;
  kind: 'text' | 'money' | 'yesNo' | 'category';
  operators: CollectionRuleOperator[];
}

export const RULE_FIELDS: RuleField[] = [
  { field: 'TAG', label: 'Tag', kind: 'text', operators: ['EQUALS', 'NOT_EQUALS'] },
  { field: 'BRAND', label: 'Brand', kind: 'text', operators: ['EQUALS', 'NOT_EQUALS', 'CONTAINS'] },
  { field: 'PRODUCT_TYPE', label: 'Product type', kind: 'text', operators: ['EQUALS', 'NOT_EQUALS', 'CONTAINS'] },
  { field: 'TITLE', label: 'Title', kind: 'text', operators: ['CONTAINS'] },
  { field: 'CATEGORY', label: 'Category', kind: 'category', operators: ['EQUALS', 'NOT_EQUALS'] },
  { field: 'PRICE', label: 'Price', kind: 'money', operators: ['GREATER_THAN', 'LESS_THAN', 'EQUALS', 'NOT_EQUALS'] },
  { field: 'COMPARE_AT', label: 'On sale', kind: 'yesNo', operators: ['EQUALS'] },
];

export const OPERATOR_LABELS: Record<CollectionRuleOperator, string> = {
  EQUALS: 'is',
  NOT_EQUALS: 'is not',
  CONTAINS: 'contains',
  GREATER_THAN: 'is more than',
  LESS_THAN: 'is less than',
};

export function fieldOf(field: CollectionRuleField): RuleField {
  return RULE_FIELDS.find((candidate) => candidate.field === field) ?? RULE_FIELDS[0]!;
}

export function newRule(field: CollectionRuleField = 'TAG'): CollectionRule {
  return { field, operator: fieldOf(field).operators[0]!, value: '' };
}

/** Changing a condition's field keeps its comparison when the new field allows it, otherwise takes the first. */
export function changeField(rule: CollectionRule, field: CollectionRuleField): CollectionRule {
  const operators = fieldOf(field).operators;
  const operator = operators.includes(rule.operator) ? rule.operator : operators[0]!;
  return { field, operator, value: fieldOf(field).kind === fieldOf(rule.field).kind ? rule.value : '' };
}

/** Why a condition cannot be used yet, or null when it can. */
export function ruleProblem(rule: CollectionRule): string | null {
  const value = rule.value.trim();
  const field = fieldOf(rule.field);
  if (!value) return field.kind === 'category' ? 'Choose a category.' : 'Enter a value.';
  if (!field.operators.includes(rule.operator)) return 'Choose a comparison.';
  if (value.length > 200) return 'Use at most 200 characters.';
  if (field.kind === 'money' && !/^\d{1,11}(\.\d{1,2})?$/.test(value)) return 'Enter an amount such as 25 or 19.99.';
  if (field.kind === 'yesNo' && value !== 'true' && value !== 'false') return 'Choose yes or no.';
  return null;
}

/** The conditions as Catalog takes them (values trimmed, amounts in minor units), or null while any is incomplete. */
export function completeRules(rules: CollectionRule[]): CollectionRule[] | null {
  if (rules.length === 0 || rules.length > 20 || rules.some((rule) => ruleProblem(rule) !== null)) return null;
  return rules.map((rule) => {
    const value = rule.value.trim();
    if (fieldOf(rule.field).kind !== 'money') return { ...rule, value };
    const [whole, fraction = ''] = value.split('.');
    return { ...rule, value: String(Number(whole) * 100 + Number(fraction.padEnd(2, '0'))) };
  });
}

/** Saved conditions as the builder shows them: amounts back from minor units (1999 becomes 19.99). */
export function editableRules(rules: readonly CollectionRule[]): CollectionRule[] {
  return rules.map(({ field, operator, value }) => {
    if (fieldOf(field).kind !== 'money' || !/^\d+$/.test(value)) return { field, operator, value };
    const cents = value.padStart(3, '0');
    const fraction = cents.slice(-2);
    return { field, operator, value: fraction === '00' ? String(Number(cents.slice(0, -2))) : `${Number(cents.slice(0, -2))}.${fraction}` };
  });
}
