// @vitest-environment node
import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const root = path.resolve(import.meta.dirname, '..');

describe('the generated GraphQL types', () => {
  it('are what codegen makes from the committed supergraph and operations today (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(path.resolve(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});
