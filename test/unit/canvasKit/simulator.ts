// The simulator as the engine tests build it: real node:http transport (loopback only), the sample
// context, the window's redaction with the client secret known, and a validator that accepts everything
// unless a test passes one.
import { sampleContext } from '../../../src/canvasKit/context';
import { CanvasKitSimulator, type CanvasKitUrls, type SimulatorOptions } from '../../../src/canvasKit/engine';
import { createHttpTransport } from '../../../src/canvasKit/transport';
import { Redactor } from '../../../src/secrets/redact';

export function testSimulator(urls: CanvasKitUrls, clientSecret: string, options: Partial<SimulatorOptions> = {}): CanvasKitSimulator {
  const redactor = new Redactor();
  redactor.remember(clientSecret);
  return new CanvasKitSimulator({
    urls,
    placement: 'home',
    clientSecret,
    context: sampleContext(),
    transport: createHttpTransport({ allowOtherHosts: false }),
    validate: () => [],
    redact: (t) => redactor.redact(t),
    ...options,
  });
}
