/**
 * GraphQL operations by name, type and outcome, with their latency, as one Prometheus histogram,
 * and `GET /metrics` itself. This replaces Yoga's Prometheus plugin, whose generic phase hooks
 * (label filtering, handler lists and WeakMaps on every phase of every request) cost about a tenth
 * of the gateway's read throughput even with most of its metrics off (BENCHMARKS.md).
 *
 * Operation names come from clients, so they are capped: past `maxNames` distinct names, new ones
 * are counted as `other` rather than growing the registry without bound.
 */
import { type DocumentNode, type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Histogram, type Registry } from 'prom-client';

export type Outcome = 'ok' | 'partial' | 'error' | 'rejected';

export interface OperationMetricsOptions {
  registry: Registry;
  buckets: number[];
  /** Distinct operation names kept as labels [500]. */
  maxNames?: number;
  /** Where the registry is served [/metrics]. */
  endpoint?: string;
}

const ANONYMOUS = 'anonymous';
const OTHER = 'other';

export function useOperationMetrics({
  registry,
  buckets,
  maxNames = 500,
  endpoint = '/metrics',
}: OperationMetricsOptions): Plugin {
  const duration = new Histogram({
    name: 'catena_gateway_graphql_operation_duration_seconds',
    help: 'GraphQL operations (executions, and subscription starts) by name, type and outcome (ok, partial, error, rejected), and how long they took.',
    labelNames: ['operation_name', 'operation_type', 'outcome'],
    buckets,
    registers: [registry],
  });
  const names = new Set<string>();
  const nameLabel = (name: string | undefined): string => {
    if (!name) return ANONYMOUS;
    if (names.has(name)) return name;
    if (names.size >= maxNames) return OTHER;
    names.add(name);
    return name;
  };
  const describe = (document: DocumentNode, operationName?: string | null) => {
    const operation = getOperationAST(document, operationName);
    return {
      name: nameLabel(operation?.name?.value ?? operationName ?? undefined),
      type: operation?.operation,
    };
  };
  const observe = (name: string, type: string | undefined, outcome: Outcome, startedAt: number) => {
    duration.observe(
      { operation_name: name, operation_type: type ?? 'unknown', outcome },
      (performance.now() - startedAt) / 1000,
    );
  };
  const outcomeOf = (result: ExecutionResult): Outcome =>
    !result.errors?.length ? 'ok' : result.data ? 'partial' : 'error';

  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      return registry.metrics().then((text) => {
        endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } }));
      });
    },
    onParse() {
      const startedAt = performance.now();
      return ({ result }) => {
        if (result instanceof Error) observe(ANONYMOUS, undefined, 'rejected', startedAt);
      };
    },
    onValidate({ params }) {
      const startedAt = performance.now();
      return ({ valid }) => {
        if (valid) return;
        const { name, type } = describe(params.documentAST);
        observe(name, type, 'rejected', startedAt);
      };
    },
    onExecute({ args }) {
      const startedAt = performance.now();
      const { name, type } = describe(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          // @defer/@stream are not enabled: an execution has one result.
          if (Symbol.asyncIterator in result) return;
          observe(name, type, outcomeOf(result), startedAt);
        },
      };
    },
    onSubscribe({ args }) {
      const startedAt = performance.now();
      const { name, type } = describe(args.document, args.operationName);
      return {
        onSubscribeResult({ result }) {
          observe(name, type, Symbol.asyncIterator in result ? 'ok' : outcomeOf(result), startedAt);
        },
        onSubscribeError() {
          observe(name, type, 'error', startedAt);
        },
      };
    },
  };
}
