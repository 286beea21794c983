/** The machine-readable report (`--format json`); its shape is a documented contract (version 1). */
import { type CheckReport } from '../check.js';

export function formatJson(report: CheckReport): string {
  const out = {
    version: 1,
    files: report.files.map(({ path, result }) => ({
      path,
      format: result.format,
      workloads: result.workloads.map((w) => ({
        id: w.id,
        type: w.type,
        name: w.name,
        memoryMb: w.memoryMb,
        timeoutSeconds: w.timeoutSeconds,
        runtime: w.runtime,
        architecture: w.architecture,
        range: w.range,
      })),
      findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range })),
    })),
    skipped: report.skipped,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
