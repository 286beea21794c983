/**
 * SARIF 2.1.0 (`--format sarif`), the format GitHub code scanning reads: rule metadata with help links,
 * results with 1-based regions relative to the working directory.
 */
import { docsUrl, RULES, type Severity } from '../../core/index.js';
import { type CheckReport } from '../check.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: CheckReport, version: string): string {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Crossover',
            informationUri: 'https://github.com/crossover-dev/crossover',
            version,
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              name: friendlyName(meta.id),
              shortDescription: { text: meta.docs.description },
              fullDescription: { text: meta.docs.rationale, markdown: meta.docs.rationale },
              // Code scanning shows `help` beside each alert: what to do, why, and the rule's page.
              help: {
                text: `${meta.docs.howToFix}\n\n${meta.docs.rationale}\n\nDocumentation: ${docsUrl(meta.id)}`,
                markdown: `**How to fix.** ${meta.docs.howToFix}\n\n${meta.docs.rationale}\n\n[Documentation of ${meta.id}](${docsUrl(meta.id)})`,
              },
              helpUri: docsUrl(meta.id),
              defaultConfiguration: { level: LEVEL[meta.severity] },
              properties: { category: meta.category, tags: ['aws', meta.category] },
            })),
          },
        },
        // Ranges count UTF-16 code units (JavaScript strings, LSP); SARIF's default is Unicode code points.
        columnKind: 'utf16CodeUnits',
        results: report.files.flatMap(({ path, result }) =>
          result.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(path) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** `lambda/api-gateway-timeout` -> `LambdaApiGatewayTimeout` (SARIF's rule name: an identifier, unlike the id). */
function friendlyName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** A relative path as a URI reference: segments percent-encoded (spaces, `#`, `%`), slashes kept. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
