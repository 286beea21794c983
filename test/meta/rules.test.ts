/** Meta tests: the rule catalogue is complete, consistent and documented. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { docsPath, renderRuleDoc, renderRuleIndex, ruleSettingProperties } from '../../src/core/rules/docs.js';
import { RULES } from '../../src/core/rules/registry.js';

const root = join(import.meta.dirname, '..', '..');
const rulesDir = join(root, 'src/core/rules');
/** Files in src/core/rules that are infrastructure, not rules. */
const NOT_RULES = new Set(['rule.ts', 'registry.ts', 'docs.ts']);

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'support' ? [] : ruleFiles(full);
    if (!name.endsWith('.ts') || (dir === rulesDir && NOT_RULES.has(name))) return [];
    return [relative(rulesDir, full).replace(/\\/g, '/').replace(/\.ts$/, '')];
  });
}

describe('rule catalogue', () => {
  const ids = RULES.map((r) => r.meta.id);

  test('ids are unique, well-formed and sorted', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*\/)?[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids).toEqual([...ids].sort());
  });

  test('the registry lists exactly the rule files, and each file is named after its rule id', async () => {
    expect(ruleFiles(rulesDir).sort()).toEqual([...ids].sort());
    for (const rule of RULES) {
      const module = (await import(join(rulesDir, `${rule.meta.id}.ts`))) as { default: unknown };
      expect(module.default, `${rule.meta.id}.ts default-exports the registered rule`).toBe(rule);
    }
  });

  test.each(RULES.map((r) => [r.meta.id, r] as const))('%s has metadata, a docs page and a test', (id, rule) => {
    const { docs, messages } = rule.meta;
    expect(docs.description.length).toBeGreaterThan(20);
    expect(docs.rationale.length).toBeGreaterThan(40);
    expect(docs.howToFix.length).toBeGreaterThan(10);
    expect(docs.sources.length).toBeGreaterThan(0);
    for (const source of docs.sources) expect(source.url).toMatch(/^https:\/\//);
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    const page = join(root, docsPath(id));
    expect(existsSync(page), `${docsPath(id)} exists (run npm run docs)`).toBe(true);
    expect(readFileSync(page, 'utf8'), `${docsPath(id)} is up to date (run npm run docs)`).toBe(renderRuleDoc(rule.meta));
    expect(existsSync(join(root, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts exists`).toBe(true);
  });

  test('pitfalls default to a warning or an error, suggestions to information or a hint (the Problems panel keeps its signal)', () => {
    const wrong = RULES.filter(({ meta }) =>
      meta.kind === 'pitfall' ? !['error', 'warning'].includes(meta.severity) : meta.kind === 'suggestion' ? !['info', 'hint'].includes(meta.severity) : false,
    ).map(({ meta }) => `${meta.id}: ${meta.kind} at ${meta.severity}`);
    expect(wrong).toEqual([]);
    // The suggestions issue 17 saw drowning the pitfalls are suggestions.
    const kindOf = (id: string) => RULES.find((r) => r.meta.id === id)?.meta.kind;
    for (const id of ['lambda/prefer-arm64', 'ecs/container-health-check', 'ecs/deployment-circuit-breaker', 'ecs/scaling-cooldowns', 'lambda/java-snapstart'])
      expect(kindOf(id), id).toBe('suggestion');
    for (const id of ['lambda/deprecated-runtime', 'lambda/api-gateway-timeout', 'sqs/visibility-timeout', 'rds/lambda-without-proxy', 'lambda/timeout-max'])
      expect(kindOf(id), id).toBe('pitfall');
  });

  test('the rule pages ship in the VSIX ("Show documentation" opens them from the extension, not the web)', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    expect(ignore).toContain('**');
    expect(ignore).toContain('!docs/rules/**');
  });

  test('the docs index is up to date', () => {
    expect(readFileSync(join(root, 'docs/rules/README.md'), 'utf8')).toBe(renderRuleIndex(RULES));
  });

  test('the crossover.rules setting lists every rule (run npm run docs)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: unknown }> } };
    };
    expect(manifest.contributes.configuration.properties['crossover.rules']!.properties).toEqual(ruleSettingProperties(RULES));
  });
});
