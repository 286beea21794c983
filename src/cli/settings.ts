/**
 * The CLI's settings: flags win over a --config file, which uses the same keys as the VS Code settings
 * (`rules`, `limits`, `maxFileSizeKb`), so a team can share one file between the editor and CI.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EngineConfig, type PartialConfig, RULES_BY_ID, SEVERITY_SETTINGS, type SeveritySetting } from '../core/index.js';
import { type CheckRequest, UsageError } from './args.js';
import { describe } from './files.js';

type Limits = EngineConfig['limits'];

interface SettingsFile {
  rules: Record<string, SeveritySetting>;
  limits: Partial<Limits>;
  maxFileSizeKb?: number;
}

interface Settings {
  config: PartialConfig;
  /** Things worth a line on stderr that do not stop the run (e.g. a rule this version does not know). */
  warnings: string[];
}

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);
const LIMIT_KEYS: readonly (keyof Limits)[] = ['restApiIntegrationTimeoutSeconds', 'accountConcurrency'];

/** The flags that settle the engine's settings (`check` and `diff` take the same ones). */
type EngineFlags = Pick<CheckRequest, 'rules' | 'configFile' | 'maxFileSizeKb' | 'restApiTimeoutSeconds'>;

export function settingsFor(request: EngineFlags, cwd: string): Settings {
  const warnings: string[] = [];
  const file = request.configFile
    ? parseSettings(readConfigFile(resolve(cwd, request.configFile), request.configFile), request.configFile, warnings)
    : undefined;
  return { config: mergeSettings(request, file), warnings };
}

/** Flags over file; the size cap is given in KB by people and in bytes to the engine. */
function mergeSettings(request: EngineFlags, file: SettingsFile | undefined): PartialConfig {
  const limits: Partial<Limits> = { ...file?.limits };
  if (request.restApiTimeoutSeconds !== undefined) limits.restApiIntegrationTimeoutSeconds = request.restApiTimeoutSeconds;
  const maxKb = request.maxFileSizeKb ?? file?.maxFileSizeKb;
  return {
    rules: { ...file?.rules, ...request.rules },
    limits,
    ...(maxKb !== undefined ? { maxFileSizeBytes: Math.round(maxKb * 1024) } : {}),
  };
}

function readConfigFile(path: string, given: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the config file ${given}: ${describe(error)}`);
  }
}

/**
 * Checks the file's values as strictly as the flags (a bad value is exit code 2), but only warns about
 * unknown keys and rule ids: the same file may come from a newer version of the editor extension.
 */
function parseSettings(text: string, name: string, warnings: string[]): SettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The config file ${name} is not valid JSON: ${(error as Error).message}`);
  }
  const root = objectOrThrow(data, `The config file ${name}`);
  const settings: SettingsFile = { rules: {}, limits: {} };
  for (const [key, value] of Object.entries(root)) {
    if (key === 'rules') settings.rules = parseRules(value, name, warnings);
    else if (key === 'limits') settings.limits = parseLimits(value, name, warnings);
    else if (key === 'maxFileSizeKb') settings.maxFileSizeKb = positive(value, `${name}: maxFileSizeKb`);
    else warnings.push(`${name}: unknown setting "${key}" ignored (known: rules, limits, maxFileSizeKb)`);
  }
  return settings;
}

function parseRules(value: unknown, name: string, warnings: string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(objectOrThrow(value, `${name}: "rules"`))) {
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      throw new UsageError(`${name}: rule "${id}" must be one of ${[...SEVERITIES].join(', ')}; got ${JSON.stringify(severity)}`);
    }
    if (!RULES_BY_ID.has(id)) warnings.push(`${name}: unknown rule "${id}" ignored`);
    else rules[id] = severity as SeveritySetting;
  }
  return rules;
}

function parseLimits(value: unknown, name: string, warnings: string[]): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [key, limit] of Object.entries(objectOrThrow(value, `${name}: "limits"`))) {
    const known = LIMIT_KEYS.find((k) => k === key);
    if (known) limits[known] = positive(limit, `${name}: limits.${key}`);
    else warnings.push(`${name}: unknown limit "${key}" ignored (known: ${LIMIT_KEYS.join(', ')})`);
  }
  return limits;
}

function objectOrThrow(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

function positive(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`${what} must be a positive number; got ${JSON.stringify(value)}`);
  return value;
}
