import { type SeveritySetting } from './findings.js';
import { LAMBDA_LIMITS, API_GATEWAY_LIMITS } from './data/limits.js';
import { checkBoolean, checkRules, checkSetting } from './settings.js';

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
  /**
   * `crossover.problems.showSuggestions`: false turns every finding below a warning (the suggestions, information by
   * default) into a hint, which the Problems panel leaves out and the editor still marks, with its quick fix.
   */
  showSuggestions: boolean;
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
    showSuggestions: true,
  };
}

export interface PartialConfig {
  rules?: Record<string, SeveritySetting>;
  limits?: Partial<EngineConfig['limits']>;
  now?: Date;
  maxFileSizeBytes?: number;
  showSuggestions?: boolean;
}

/**
 * The defaults with what is given, checked: rules only known ids with a severity, limits finite and in their
 * range, the size cap a positive number. What does not pass is left out (the default applies) and said in
 * `problems`. The size cap is not bounded above here: the command line may raise it; the editor bounds its setting.
 */
export function resolveConfig(partial: PartialConfig = {}, problems: string[] = []): EngineConfig {
  const base = defaultConfig();
  const limits = (partial.limits ?? {}) as Record<string, unknown>;
  const size = partial.maxFileSizeBytes;
  const sizeOk = typeof size === 'number' && Number.isFinite(size) && size > 0;
  if (size !== undefined && !sizeOk)
    problems.push(`The file size cap ${JSON.stringify(size)} is not a positive number; ${base.maxFileSizeBytes / 1024} KB is used.`);
  return {
    rules: checkRules(partial.rules, problems),
    limits: {
      restApiIntegrationTimeoutSeconds: checkSetting(
        'limits.restApiIntegrationTimeoutSeconds',
        limits['restApiIntegrationTimeoutSeconds'],
        base.limits.restApiIntegrationTimeoutSeconds,
        problems,
      ),
      accountConcurrency: checkSetting('limits.accountConcurrency', limits['accountConcurrency'], base.limits.accountConcurrency, problems),
    },
    now: partial.now instanceof Date && Number.isFinite(partial.now.getTime()) ? partial.now : base.now,
    maxFileSizeBytes: sizeOk ? size : base.maxFileSizeBytes,
    showSuggestions: checkBoolean('problems.showSuggestions', partial.showSuggestions, base.showSuggestions, problems),
  };
}
