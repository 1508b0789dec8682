/** Everything a route needs, created once per simulator and shared by the HTTP and control APIs. */
import type { TokenService } from './auth.ts';
import type { FaultRegistry, RequestCounter } from './faults.ts';
import type { OperationProcessor } from './operations.ts';
import type { Scheduler } from './scheduler.ts';
import type { Store } from './store.ts';
import type { SimulatorControl, SimulatorFixtures, WriteAnswerShape } from './types.ts';
import type { DeliveryEngine } from './webhooks/delivery.ts';
import type { SubscriptionRegistry } from './webhooks/subscriptions.ts';

export interface Knobs {
  latencyMs: number;
  processingMs: number;
  tokenTtlSeconds: number;
  webhookDeliveryPaused: boolean;
  writeAnswerShape: WriteAnswerShape;
}

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  webhookUrl: string | undefined;
  webhookSecret: string;
  latencyMs: number;
  processingMs: number;
  tokenTtlSeconds: number;
  webhookTimeoutMs: number;
  webhookRetryDelaysMs: number[];
  breakerGraceMs: number;
}

export interface SimulatorContext {
  options: ResolvedOptions;
  knobs: Knobs;
  store: Store;
  fixtures: SimulatorFixtures;
  tokens: TokenService;
  faults: FaultRegistry;
  counter: RequestCounter;
  scheduler: Scheduler;
  subscriptions: SubscriptionRegistry;
  delivery: DeliveryEngine;
  processor: OperationProcessor;
  control: SimulatorControl;
}
