/**
 * OpenTelemetry tracing, off by default (GATEWAY_TRACING=otlp|console). GraphQL operations are
 * traced by envelop's OpenTelemetry plugin; every Catena call is a CLIENT span (transport.ts) with
 * its route, status and the request id it carried. `otlp` exports to OTEL_EXPORTER_OTLP_ENDPOINT
 * (the standard variable; default http://localhost:4318).
 */
import { useOpenTelemetry } from '@envelop/opentelemetry';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { Plugin } from 'graphql-yoga';

export type TracingMode = 'off' | 'otlp' | 'console';

export interface Tracing {
  /** The Yoga plugin tracing GraphQL operations, when tracing is on. */
  plugins: Plugin[];
  shutdown(): Promise<void>;
}

/** `processor` lets tests collect spans in memory. */
export function createTracing(mode: TracingMode, processor?: SpanProcessor): Tracing {
  if (mode === 'off' && !processor) return { plugins: [], shutdown: async () => {} };
  const exporter: SpanExporter = mode === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [
      processor ??
        (mode === 'console' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)),
    ],
  });
  // The global provider: Catena calls trace through @opentelemetry/api without knowing of this.
  provider.register();
  return {
    plugins: [
      useOpenTelemetry(
        { resolvers: false, variables: false, result: false },
        provider as never,
        undefined,
        undefined,
        'catena-gateway',
      ) as unknown as Plugin,
    ],
    shutdown: () => provider.shutdown(),
  };
}
