import type * as vscode from 'vscode';
import { checkBoolean, checkRules, checkSetting, DEFAULT_MAX_FILE_SIZE_BYTES, defaultConfig, type PartialConfig } from '../core/index.js';

/** The `crossover.*` settings the extension reads; every one has a default in package.json. */
export interface ExtensionSettings {
  engine: PartialConfig;
  debounceMs: number;
  maxFileSizeBytes: number;
  scan: { enabled: boolean; maxFiles: number; cpuShare: number };
}

/** What the readers need of `vscode.workspace.getConfiguration('crossover')` (a plain object in tests). */
export type SettingsSource = Pick<vscode.WorkspaceConfiguration, 'get'>;

/**
 * The settings, each checked as package.json describes it (core/settings.ts): numbers clamped to their range,
 * anything of the wrong type or unknown replaced by the default. `report` hears each problem (the log says it once).
 */
export function readSettings(config: SettingsSource, report: (problem: string) => void = () => undefined): ExtensionSettings {
  const value = (key: string) => config.get<unknown>(key);
  const problems: string[] = [];
  const limits = defaultConfig().limits;
  const maxFileSizeBytes = checkSetting('maxFileSizeKb', value('maxFileSizeKb'), DEFAULT_MAX_FILE_SIZE_BYTES / 1024, problems) * 1024;
  const settings: ExtensionSettings = {
    engine: {
      rules: checkRules(value('rules'), problems),
      limits: {
        restApiIntegrationTimeoutSeconds: checkSetting(
          'limits.restApiIntegrationTimeoutSeconds',
          value('limits.restApiIntegrationTimeoutSeconds'),
          limits.restApiIntegrationTimeoutSeconds,
          problems,
        ),
        accountConcurrency: checkSetting('limits.accountConcurrency', value('limits.accountConcurrency'), limits.accountConcurrency, problems),
      },
      maxFileSizeBytes,
      showSuggestions: checkBoolean('problems.showSuggestions', value('problems.showSuggestions'), true, problems),
    },
    debounceMs: checkSetting('analysis.debounceMs', value('analysis.debounceMs'), 50, problems),
    maxFileSizeBytes,
    scan: {
      enabled: checkBoolean('workspaceScan.enabled', value('workspaceScan.enabled'), true, problems),
      maxFiles: checkSetting('workspaceScan.maxFiles', value('workspaceScan.maxFiles'), 5000, problems),
      cpuShare: 0.5,
    },
  };
  for (const problem of problems) report(problem);
  return settings;
}
