// The worker thread behind OffThreadJson (jsonCheck.ts): parses each body it is sent and answers with the
// envelope's fields, or without them when the body is not JSON. Its heap takes the garbage, not the host's.
import { parentPort } from 'node:worker_threads';
import { summaryOf } from './envelope';
import type { JsonRequest, JsonResponse } from './jsonCheck';

parentPort?.on('message', ({ id, body }: JsonRequest) => {
  let response: JsonResponse;
  try {
    response = { id, summary: summaryOf(JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'))) };
  } catch {
    response = { id };
  }
  parentPort?.postMessage(response);
});
