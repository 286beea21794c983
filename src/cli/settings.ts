/**
 * The CLI's settings: flags win over a --config file, which uses the same keys as the VS Code settings
 * (`rules`, `limits`, `maxFileSizeKb`), so a team can share one file between the editor and CI.
 */
import { readFileSync } from 'node:fs';
import { type PartialConfig } from '../core/config.js';
import { type SeveritySetting } from '../core/findings.js';
import { type CheckRequest, UsageError } from './args.js';

interface SettingsFile {
  rules?: Record<string, SeveritySetting>;
  limits?: { restApiIntegrationTimeoutSeconds?: number; accountConcurrency?: number };
  maxFileSizeKb?: number;
}

export function configFor(request: CheckRequest): PartialConfig {
  const file = request.configFile ? readSettings(request.configFile) : {};
  const limits = { ...file.limits };
  if (request.restApiTimeoutSeconds !== undefined) limits.restApiIntegrationTimeoutSeconds = request.restApiTimeoutSeconds;
  const maxKb = request.maxFileSizeKb ?? file.maxFileSizeKb;
  return {
    rules: { ...file.rules, ...request.rules },
    limits,
    ...(maxKb !== undefined ? { maxFileSizeBytes: Math.round(maxKb * 1024) } : {}),
  };
}

function readSettings(path: string): SettingsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`The config file ${path} must hold a JSON object.`);
  return data as SettingsFile;
}
