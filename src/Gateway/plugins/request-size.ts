import type { GatewayPlugin } from '@graphql-hive/gateway';

export interface RequestSizeOptions {
  /** The largest request body accepted, in bytes. */
  maxBytes: number;
}

function refusal(maxBytes: number): Response {
  return Response.json(
    { errors: [{ message: `The request body is larger than ${maxBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { status: 413 },
  );
}

/**
 * Bounds the request body before anything reads it: a declared length over the limit is refused at once with
 * 413, and a body sent without a length (chunked) is counted while it is read and cut off at the limit, so a
 * multi-megabyte document is never buffered or parsed.
 */
export function useRequestSizeLimit({ maxBytes }: RequestSizeOptions): GatewayPlugin {
  return {
    onRequest({ request, endResponse }) {
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > maxBytes) endResponse(refusal(maxBytes));
    },
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser || request.body === null || request.headers.get('content-length') !== null) return;
      setRequestParser(async (unbounded) => {
        let received = 0;
        let tooLarge = false;
        const counted = unbounded.body!.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              received += chunk.byteLength;
              if (received > maxBytes) {
                tooLarge = true;
                controller.error(new Error('request body too large'));
                return;
              }
              controller.enqueue(chunk);
            },
          }),
        );
        const bounded = new Request(unbounded.url, {
          method: unbounded.method,
          headers: unbounded.headers,
          body: counted,
          // @ts-expect-error Node's fetch needs it for a streamed body; the DOM typings do not know it.
          duplex: 'half',
        });
        try {
          return await requestParser(bounded);
        } catch (error) {
          if (tooLarge) return refusal(maxBytes);
          throw error;
        }
      });
    },
  };
}
