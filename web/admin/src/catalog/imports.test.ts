import { describe, expect, it } from 'vitest';
import { importEnded, importSummary, type ImportJob } from './imports';

const job = (change: Partial<ImportJob>): ImportJob => ({
  id: '0b6f7c2e-8d0e-4b8e-9a55-1c1f3f1f6e01',
  mode: 'good-rows-only',
  status: 'running',
  fileName: 'products.csv',
  rowsTotal: 40,
  rowsDone: 12,
  rowsFailed: 0,
  productsCreated: 0,
  productsUpdated: 0,
  errors: [],
  failure: null,
  createdAt: '2026-12-03T07:00:00Z',
  startedAt: '2026-12-03T07:00:01Z',
  finishedAt: null,
  ...change,
});

describe('an import job', () => {
  it('has ended only once Catalog says succeeded, completed with errors or failed', () => {
    expect(importEnded(undefined)).toBe(false);
    expect(importEnded(job({ status: 'pending' }))).toBe(false);
    expect(importEnded(job({ status: 'running' }))).toBe(false);
    expect(importEnded(job({ status: 'succeeded' }))).toBe(true);
    expect(importEnded(job({ status: 'completed-with-errors' }))).toBe(true);
    expect(importEnded(job({ status: 'failed' }))).toBe(true);
  });

  it('says how far it is, and what it wrote once it ends', () => {
    expect(importSummary(job({}))).toBe('Import running: 12 of 40 rows checked.');
    expect(importSummary(job({ status: 'completed-with-errors', rowsDone: 40, rowsFailed: 2, productsCreated: 30, productsUpdated: 8 }))).toBe(
      'Import finished with problems: 40 of 40 rows checked, 2 with problems, 30 products created, 8 updated.',
    );
    expect(importSummary(job({ mode: 'dry-run', status: 'succeeded', rowsDone: 40 }))).toBe('Import finished: 40 of 40 rows checked.');
  });
});
