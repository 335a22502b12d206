// Runs the real gateway (node_modules/.bin/hive-gateway with gateway.config.ts) as a child process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const gatewayDir = fileURLToPath(new URL('../..', import.meta.url));

export async function findFreePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Variables of the developer's shell that would change what the gateway under test does. */
function inheritedEnvironment() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'HOST' || name === 'FORK' || name === 'CONFIG_PATH' || name.startsWith('OTEL_')) delete env[name];
  }
  return env;
}

/**
 * Starts the gateway and waits until /readiness answers 200.
 * @param {Record<string, string>} env  variables on top of the inherited environment
 */
export async function startGateway(env, { readyTimeoutMs = 30_000 } = {}) {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(gatewayDir, 'node_modules', '.bin', 'hive-gateway'), 'supergraph'], {
    cwd: gatewayDir,
    env: { ...inheritedEnvironment(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const baseUrl = `http://127.0.0.1:${port}`;
  const gateway = {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const stoppedInTime = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!stoppedInTime) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${baseUrl}/readiness`, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ready) return gateway;
    await delay(200);
  }
  await gateway.stop();
  throw new Error(`gateway did not become ready within ${readyTimeoutMs} ms; its output:\n${output}`);
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
