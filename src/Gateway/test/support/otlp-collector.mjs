// Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: it records every export it is sent.
import { createServer } from 'node:http';

/** @returns {Promise<{ endpoint: string, exports: Array<{ path: string, contentType: string, body: Buffer }>, close: () => Promise<void> }>} */
export async function startOtlpCollector() {
  const exports = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      exports.push({ path: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
      // An empty ExportTraceServiceResponse is a valid protobuf answer.
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    exports,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
