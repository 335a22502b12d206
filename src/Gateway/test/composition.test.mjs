// Composition of the subgraph contracts, as `npm run check` (and CI) runs it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayDir } from './support/gateway-process.mjs';

const SUPERGRAPH_SCRIPT = join('scripts', 'supergraph.mjs');

function runCheck(cwd, ...args) {
  const result = spawnSync(process.execPath, [join(cwd, SUPERGRAPH_SCRIPT), 'check', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('supergraph composition', { timeout: 180_000 }, () => {
  let scratchDir;

  before(() => {
    scratchDir = mkdtempSync(join(tmpdir(), 'gateway-composition-test-'));
  });

  after(() => {
    rmSync(scratchDir, { recursive: true, force: true });
  });

  it('composes the contracts into exactly the committed supergraph.graphql', () => {
    const { status, output } = runCheck(gatewayDir);

    assert.equal(status, 0, output);
    assert.match(output, /up to date/);
  });

  it('bakes the local default subgraph URLs into the supergraph', () => {
    const supergraph = readFileSync(join(gatewayDir, 'supergraph.graphql'), 'utf8');

    assert.match(supergraph, /@join__graph\(name: "catalog", url: "http:\/\/127\.0\.0\.1:5101\/graphql"\)/);
    assert.match(supergraph, /@join__graph\(name: "inventory", url: "http:\/\/127\.0\.0\.1:5102\/graphql"\)/);
    assert.match(supergraph, /@join__graph\(name: "identity", url: "http:\/\/127\.0\.0\.1:5103\/graphql"\)/);
    assert.match(supergraph, /@join__graph\(name: "customers", url: "http:\/\/127\.0\.0\.1:5104\/graphql"\)/);
  });

  it('fails with the fix hint when the committed supergraph is stale', () => {
    const staleSupergraph = join(scratchDir, 'stale-supergraph.graphql');
    const committed = readFileSync(join(gatewayDir, 'supergraph.graphql'), 'utf8');
    writeFileSync(staleSupergraph, committed.replace('totalCount: Int!', 'total: Int!'));

    const { status, output } = runCheck(gatewayDir, '--supergraph', staleSupergraph);

    assert.equal(status, 1, output);
    assert.match(output, /OUT OF DATE/);
    assert.match(output, /run \.\/commerce compose/);
  });

  it('fails clearly when the subgraph contracts do not compose', () => {
    // A copy of the gateway folder whose inventory contract claims Money without @shareable.
    const brokenGatewayDir = join(scratchDir, 'broken-gateway');
    mkdirSync(join(brokenGatewayDir, 'subgraphs'), { recursive: true });
    cpSync(join(gatewayDir, 'scripts'), join(brokenGatewayDir, 'scripts'), { recursive: true });
    cpSync(join(gatewayDir, 'mesh.config.ts'), join(brokenGatewayDir, 'mesh.config.ts'));
    cpSync(join(gatewayDir, 'supergraph.graphql'), join(brokenGatewayDir, 'supergraph.graphql'));
    cpSync(join(gatewayDir, 'subgraphs'), join(brokenGatewayDir, 'subgraphs'), { recursive: true });
    writeFileSync(
      join(brokenGatewayDir, 'subgraphs', 'inventory.graphql'),
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
       type Money { amount: Int! currency: String! }
       type Product @key(fields: "id") { id: ID! reservedValue: Money! }
      `,
    );
    symlinkSync(join(gatewayDir, 'node_modules'), join(brokenGatewayDir, 'node_modules'), 'dir');

    const { status, output } = runCheck(brokenGatewayDir);

    assert.equal(status, 1, output);
    assert.match(output, /composition FAILED/);
    assert.match(output, /Money\.amount/);
  });
});
