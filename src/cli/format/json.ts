/**
 * The machine-readable report (`--format json`). Its shape is a contract (version 1) that CI scripts
 * parse, so every key is listed explicitly: nothing internal (model, durations, uris) leaks in by accident.
 */
import { type Range } from '../../core/index.js';
import { type CheckReport } from '../check.js';

export function formatJson(report: CheckReport): string {
  const out = {
    version: 1,
    files: report.files.map(({ path, result }) => ({
      path,
      format: result.format ?? null,
      workloads: result.workloads.map((w) => ({
        id: w.id,
        type: w.type,
        name: w.name,
        memoryMb: w.memoryMb,
        timeoutSeconds: w.timeoutSeconds,
        runtime: w.runtime,
        architecture: w.architecture,
        ...(w.cpuUnits !== undefined ? { cpuUnits: w.cpuUnits } : {}),
        ...(w.desiredCount !== undefined ? { desiredCount: w.desiredCount } : {}),
        range: plainRange(w.range),
        ...(w.instance ? { instance: { className: w.instance.className, id: w.instance.id } } : {}),
        ...(w.unresolved
          ? { unresolved: w.unresolved.map((u) => ({ setting: u.setting, reason: u.reason, ...(u.assumed ? { assumed: u.assumed } : {}) })) }
          : {}),
      })),
      findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: plainRange(f.range) })),
    })),
    skipped: report.skipped.map(({ path, reason }) => ({ path, reason })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function plainRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
