import { type SeveritySetting } from './findings.js';
import { LAMBDA_LIMITS, API_GATEWAY_LIMITS } from './data/limits.js';

/** What the engine can be told by its faces (VS Code settings, CLI flags). Everything has a default. */
export interface EngineConfig {
  /** Severity override per rule id (`off` disables the rule). */
  rules: Record<string, SeveritySetting>;
  limits: {
    /** REST API integration timeout. 29 s by default; regional and private APIs can raise it by quota. */
    restApiIntegrationTimeoutSeconds: number;
    /** The account's concurrent-executions quota in the region (1,000 by default). */
    accountConcurrency: number;
  };
  /** "Today", for runtime deprecation dates. Injected so results are reproducible in tests. */
  now: Date;
  /** Files larger than this are not analysed (a finding says so). */
  maxFileSizeBytes: number;
}

export const DEFAULT_MAX_FILE_SIZE_BYTES = 4 * 1024 * 1024;

export function defaultConfig(): EngineConfig {
  return {
    rules: {},
    limits: {
      restApiIntegrationTimeoutSeconds: API_GATEWAY_LIMITS.restIntegrationTimeoutSeconds.value,
      accountConcurrency: LAMBDA_LIMITS.accountConcurrency.value,
    },
    now: new Date(),
    maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_BYTES,
  };
}

export interface PartialConfig {
  rules?: Record<string, SeveritySetting>;
  limits?: Partial<EngineConfig['limits']>;
  now?: Date;
  maxFileSizeBytes?: number;
}

export function resolveConfig(partial: PartialConfig = {}): EngineConfig {
  const base = defaultConfig();
  return {
    rules: { ...base.rules, ...partial.rules },
    limits: { ...base.limits, ...definedOnly(partial.limits ?? {}) },
    now: partial.now ?? base.now,
    maxFileSizeBytes: partial.maxFileSizeBytes ?? base.maxFileSizeBytes,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
