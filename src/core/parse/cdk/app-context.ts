/**
 * What a CDK app's defaults depend on besides its code: the aws-cdk-lib version it installs (a lock file or the
 * dependency list near the file) and the feature flags in its cdk.json `context`. Read through the host's file
 * reader (relative paths, inside the workspace), walking up a bounded number of folders, only when a default
 * needs it; nothing here throws, and what is not found is said, not guessed silently.
 */
import { CDK_LIB_NEWEST_KNOWN, CDK_NODEJS_FUNCTION_DEFAULT, cdkNodejsLatest, cdkRuntimeMember, compareVersions } from '../../data/runtimes.js';
import { isRefusal, type FileReader } from '../reference.js';

/** Folders looked in: the file's own and up to this many above it (lib/ -> the app -> a monorepo's packages/ -> its root). */
export const APP_CONTEXT_LEVELS = 4;

export interface CdkVersion {
  /** The version the defaults are read for. */
  version: string;
  /** How it was found, for messages: "aws-cdk-lib 2.150.0 in ../package-lock.json", "assumed 2.276.0 (...)". */
  how: string;
  /** False when the version is an assumption (no lock file or exact pin found). */
  known: boolean;
}

export interface CdkAppContext {
  cdk: CdkVersion;
  /** The `context` object of the nearest cdk.json, and where it is; undefined when none was found. */
  cdkJson?: { path: string; context: Record<string, unknown> };
}

export type AppLanguage = 'typescript' | 'python';

const NAME = /aws[-_.]cdk[-_.]lib/i.source;
const VERSION = /(\d+\.\d+\.\d+)/.source;

/** Exact versions in lock files. */
const LOCKS: Record<AppLanguage, { file: string; pattern: RegExp }[]> = {
  typescript: [
    // npm (v1: "aws-cdk-lib": {"version": ...}; v2/v3: "node_modules/aws-cdk-lib": {"version": ...}).
    { file: 'package-lock.json', pattern: new RegExp(`"(?:node_modules/)?aws-cdk-lib"\\s*:\\s*\\{\\s*"version"\\s*:\\s*"${VERSION}"`) },
    // yarn classic (`aws-cdk-lib@^2.1.0:\n  version "2.1.0"`) and berry (`"aws-cdk-lib@npm:^2.1.0":\n  version: 2.1.0`).
    { file: 'yarn.lock', pattern: new RegExp(`^"?aws-cdk-lib@[^\\n]*:\\r?\\n\\s+version:?\\s+"?${VERSION}`, 'm') },
    // pnpm (`/aws-cdk-lib@2.1.0:` or `aws-cdk-lib@2.1.0:` under packages; `version: 2.1.0(...)` under importers).
    {
      file: 'pnpm-lock.yaml',
      pattern: new RegExp(`(?:^\\s*'?/?aws-cdk-lib@${VERSION}|aws-cdk-lib:\\s*\\r?\\n\\s*specifier:[^\\n]*\\n\\s*version:\\s*${VERSION})`, 'm'),
    },
  ],
  python: [
    { file: 'poetry.lock', pattern: new RegExp(`name\\s*=\\s*"${NAME}"\\s*\\r?\\nversion\\s*=\\s*"${VERSION}"`) },
    { file: 'uv.lock', pattern: new RegExp(`name\\s*=\\s*"${NAME}"\\s*\\r?\\nversion\\s*=\\s*"${VERSION}"`) },
    { file: 'Pipfile.lock', pattern: new RegExp(`"${NAME}"\\s*:\\s*\\{[^}]*?"version"\\s*:\\s*"==${VERSION}"`) },
  ],
};

/** Dependency lists: a requirement as written (`^2.150.0`, `==2.150.0`, `>=2.150,<3`). */
const MANIFESTS: Record<AppLanguage, { file: string; read: (text: string) => string | undefined }[]> = {
  typescript: [{ file: 'package.json', read: packageJsonRequirement }],
  python: [
    { file: 'requirements.txt', read: (text) => new RegExp(`^\\s*${NAME}\\s*((?:[=~<>!]=?|===)\\s*[^\\s#;]+)`, 'im').exec(text)?.[1] },
    // PEP 621 (`"aws-cdk-lib>=2.150.0"`) or Poetry (`aws-cdk-lib = "^2.150.0"`, `{ version = "^2.150.0" }`).
    {
      file: 'pyproject.toml',
      read: (text) =>
        new RegExp(`["']${NAME}\\s*((?:[=~<>!]=?|===)[^"';]+)["']`, 'i').exec(text)?.[1] ??
        new RegExp(`^\\s*${NAME}\\s*=\\s*(?:\\{[^}\\n]*version\\s*=\\s*)?"([^"]+)"`, 'im').exec(text)?.[1],
    },
    { file: 'Pipfile', read: (text) => new RegExp(`^\\s*"?${NAME}"?\\s*=\\s*"([^"]+)"`, 'im').exec(text)?.[1] },
  ],
};

function packageJsonRequirement(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = json[key];
      if (deps && typeof deps === 'object' && Object.hasOwn(deps, 'aws-cdk-lib')) {
        const spec = (deps as Record<string, unknown>)['aws-cdk-lib'];
        if (typeof spec === 'string') return spec;
      }
    }
  } catch {
    // Not JSON: not a source of the version.
  }
  return undefined;
}

/**
 * The version a requirement pins: `2.150.0`, `==2.150.0`, `=2.150.0` -> exact; `~2.150.0`, `~=2.150.0`, `2.150.x`
 * keep the minor version (CDK's defaults move with minor versions); anything else (`^2.150.0`, `>=2.150`, `*`) lets
 * the installer pick any newer one.
 */
export function pinnedVersion(requirement: string): { version: string; exact: boolean } | undefined {
  const spec = requirement.trim();
  let match = /^(?:==?|===)?\s*v?(\d+\.\d+\.\d+)$/.exec(spec);
  if (match) return { version: match[1]!, exact: true };
  match = /^(?:~|~=)\s*(\d+\.\d+)\.\d+$/.exec(spec) ?? /^(\d+\.\d+)\.(?:x|\*)$/.exec(spec);
  if (match) return { version: `${match[1]!}.0`, exact: false };
  return undefined;
}

const up = (level: number) => '../'.repeat(level);

function readText(readFile: FileReader, path: string): string | undefined {
  let text: ReturnType<FileReader>;
  try {
    text = readFile(path);
  } catch {
    return undefined;
  }
  return typeof text === 'string' && !isRefusal(text) ? text : undefined;
}

/** The app's aws-cdk-lib version and cdk.json context, looked up from the analysed file's folder upwards. */
export function readAppContext(readFile: FileReader | undefined, language: AppLanguage): CdkAppContext {
  const assumed = (why: string): CdkVersion => ({ version: CDK_LIB_NEWEST_KNOWN, how: `${why}: assumed aws-cdk-lib ${CDK_LIB_NEWEST_KNOWN}`, known: false });
  if (!readFile) return { cdk: assumed('the aws-cdk-lib version is not known (no files beside this one are read)') };
  let cdk: CdkVersion | undefined;
  let range: { file: string; spec: string; pinned?: { version: string; exact: boolean } } | undefined;
  let cdkJson: CdkAppContext['cdkJson'];
  for (let level = 0; level <= APP_CONTEXT_LEVELS && (cdk === undefined || cdkJson === undefined); level++) {
    if (cdkJson === undefined) {
      const text = readText(readFile, `${up(level)}cdk.json`);
      const context = text === undefined ? undefined : contextOf(text);
      if (context) cdkJson = { path: `${up(level)}cdk.json`, context };
    }
    if (cdk !== undefined) continue;
    for (const { file, pattern } of LOCKS[language]) {
      const text = readText(readFile, `${up(level)}${file}`);
      const match = text === undefined ? null : pattern.exec(text);
      const version = match?.slice(1).find((v) => v !== undefined);
      if (version) {
        cdk = { version, how: `aws-cdk-lib ${version} in ${up(level)}${file}`, known: true };
        break;
      }
    }
    if (cdk !== undefined) continue;
    for (const { file, read } of MANIFESTS[language]) {
      const text = readText(readFile, `${up(level)}${file}`);
      const spec = text === undefined ? undefined : read(text);
      if (spec === undefined) continue;
      const pinned = pinnedVersion(spec);
      if (pinned?.exact) cdk = { version: pinned.version, how: `aws-cdk-lib ${pinned.version} in ${up(level)}${file}`, known: true };
      else range ??= { file: `${up(level)}${file}`, spec, ...(pinned ? { pinned } : {}) };
      break;
    }
  }
  if (cdk === undefined && range?.pinned)
    cdk = { version: range.pinned.version, how: `aws-cdk-lib ${range.spec} in ${range.file} (no lock file found)`, known: true };
  cdk ??= range
    ? assumed(`aws-cdk-lib ${range.spec} in ${range.file} and no lock file found`)
    : assumed('no lock file or dependency list naming aws-cdk-lib found near this file');
  return { cdk, ...(cdkJson ? { cdkJson } : {}) };
}

function contextOf(text: string): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    if (!json || typeof json !== 'object') return undefined;
    const context = (json as Record<string, unknown>)['context'];
    return context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

/** A runtime CDK writes for the app, and the sentence that says which assumption gave it. */
export interface CdkRuntime {
  runtime: string | undefined;
  via: string;
}

/** `Runtime.NODEJS_LATEST` in this app. */
export function nodejsLatestRuntime(app: CdkAppContext): CdkRuntime {
  const latest = cdkNodejsLatest(app.cdk.version);
  if (!latest) return { runtime: undefined, via: `Runtime.NODEJS_LATEST does not exist in aws-cdk-lib ${app.cdk.version} (${app.cdk.how})` };
  return { runtime: latest.runtime, via: `Runtime.NODEJS_LATEST: ${latest.runtime} (${app.cdk.how})` };
}

/** A `NodejsFunction` without `runtime` in this app: the feature flag in cdk.json decides, then the version. */
export function nodejsFunctionDefaultRuntime(app: CdkAppContext): CdkRuntime {
  const { flag, withoutFlag, since } = CDK_NODEJS_FUNCTION_DEFAULT;
  const where = app.cdkJson ? app.cdkJson.path : undefined;
  const value = app.cdkJson && Object.hasOwn(app.cdkJson.context, flag) ? app.cdkJson.context[flag] : undefined;
  // aws-cdk-lib's FeatureFlags.isEnabled: a value in the context counts by its truthiness; unset is off for this flag.
  const enabled = Boolean(value);
  if (compareVersions(app.cdk.version, since) < 0)
    return { runtime: undefined, via: `NodejsFunction's default runtime in aws-cdk-lib ${app.cdk.version} is not in Crossover's table (${app.cdk.how})` };
  const flagText = where ? `${flag} ${enabled ? 'on' : 'not on'} in ${where}` : `no cdk.json found near this file, so ${flag} is off`;
  if (!enabled) return { runtime: withoutFlag, via: `NodejsFunction default: ${flagText}, so Runtime.${cdkRuntimeMember(withoutFlag)} (${withoutFlag})` };
  const latest = nodejsLatestRuntime(app);
  return { runtime: latest.runtime, via: `NodejsFunction default: ${flagText}, so ${latest.via}` };
}
