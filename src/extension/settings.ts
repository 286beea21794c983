import * as vscode from 'vscode';
import { type PartialConfig } from '../core/config.js';
import { type SeveritySetting } from '../core/findings.js';

/** The `crossover.*` settings the extension reads; every one has a default in package.json. */
export interface ExtensionSettings {
  engine: PartialConfig;
  debounceMs: number;
  maxFileSizeBytes: number;
  scan: { enabled: boolean; maxFiles: number; cpuShare: number };
}

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('crossover');
  const maxFileSizeBytes = Math.max(1, config.get<number>('maxFileSizeKb', 4096)) * 1024;
  const rules = config.get<Record<string, SeveritySetting>>('rules', {});
  return {
    engine: {
      rules,
      limits: {
        restApiIntegrationTimeoutSeconds: config.get<number>('limits.restApiIntegrationTimeoutSeconds', 29),
        accountConcurrency: config.get<number>('limits.accountConcurrency', 1000),
      },
      maxFileSizeBytes,
    },
    debounceMs: Math.max(0, config.get<number>('analysis.debounceMs', 250)),
    maxFileSizeBytes,
    scan: {
      enabled: config.get<boolean>('workspaceScan.enabled', true),
      maxFiles: Math.max(1, config.get<number>('workspaceScan.maxFiles', 5000)),
      cpuShare: 0.5,
    },
  };
}
