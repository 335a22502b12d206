// Composes the subgraph contracts (subgraphs/*.graphql, via mesh.config.ts) into the supergraph.
//   node scripts/supergraph.mjs compose   writes supergraph.graphql
//   node scripts/supergraph.mjs check [--supergraph <path>]
//                                         exit 1 when the contracts do not compose, or when the committed
//                                         supergraph differs from what composing them produces today
// The composer's output is re-printed by graphql-js so the committed file is canonical: no trailing
// whitespace, one final newline, stable under editors that apply the repository's .editorconfig.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';

const gatewayDir = fileURLToPath(new URL('..', import.meta.url));
const meshCompose = join(gatewayDir, 'node_modules', '.bin', 'mesh-compose');
const committedSupergraph = join(gatewayDir, 'supergraph.graphql');
const FIX_HINT = 'run ./commerce compose (or `npm run compose` in src/Gateway) and commit supergraph.graphql';

/** @returns {{ supergraph: string } | { failure: string }} */
function composeSupergraph() {
  const workDir = mkdtempSync(join(tmpdir(), 'supergraph-compose-'));
  try {
    const rawOutput = join(workDir, 'supergraph.graphql');
    const composition = spawnSync(process.execPath, [meshCompose, '-o', rawOutput], {
      cwd: gatewayDir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (composition.status !== 0) {
      const exit = composition.status ?? composition.signal ?? composition.error?.message;
      return { failure: `${composition.stderr ?? ''}\nmesh-compose exited with ${exit}` };
    }
    return { supergraph: print(parse(readFileSync(rawOutput, 'utf8'))) + '\n' };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** First line where the two texts differ, as a pointer for a full `git diff`. */
function describeFirstDifference(committed, composed) {
  const committedLines = committed.split('\n');
  const composedLines = composed.split('\n');
  for (let i = 0; i < Math.max(committedLines.length, composedLines.length); i++) {
    if (committedLines[i] !== composedLines[i]) {
      return [
        `first difference at line ${i + 1}:`,
        `  committed: ${JSON.stringify(committedLines[i] ?? '<end of file>')}`,
        `  composed:  ${JSON.stringify(composedLines[i] ?? '<end of file>')}`,
      ].join('\n');
    }
  }
  return 'the files differ only in line endings';
}

function failComposition(failure) {
  console.error(failure.trim());
  console.error('\nSupergraph composition FAILED: fix the subgraph SDL in src/Gateway/subgraphs/ (errors above).');
  process.exit(1);
}

function compose() {
  const result = composeSupergraph();
  if ('failure' in result) failComposition(result.failure);
  writeFileSync(committedSupergraph, result.supergraph);
  console.log(`Wrote ${committedSupergraph}`);
}

function check(argv) {
  const flag = argv.indexOf('--supergraph');
  const committedPath = flag >= 0 && argv[flag + 1] ? argv[flag + 1] : committedSupergraph;
  const result = composeSupergraph();
  if ('failure' in result) failComposition(result.failure);

  let committed;
  try {
    committed = readFileSync(committedPath, 'utf8');
  } catch {
    console.error(`No committed supergraph at ${committedPath}: ${FIX_HINT}.`);
    process.exit(1);
  }
  if (committed !== result.supergraph) {
    console.error('supergraph.graphql is OUT OF DATE: it differs from the composition of src/Gateway/subgraphs/.');
    console.error(describeFirstDifference(committed, result.supergraph));
    console.error(`To fix: ${FIX_HINT}; then \`git diff src/Gateway/supergraph.graphql\` shows the change.`);
    process.exit(1);
  }
  console.log('supergraph.graphql is up to date with the subgraph contracts.');
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'compose') compose();
else if (command === 'check') check(rest);
else {
  console.error('usage: node scripts/supergraph.mjs compose | check [--supergraph <path>]');
  process.exit(2);
}
