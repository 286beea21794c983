/**
 * The edits a finding carries, for one document: a rule's fix as text edits in the document's own syntax,
 * and "ignore this rule for this resource". What a format supports is in its record (formats.ts, `edits`).
 */
import { type Fix } from '../findings.js';
import { type EditSupport } from '../formats.js';
import { guardShared, isSetFix, materializeFix, type SetFix } from '../fixes.js';
import { type ModelNode } from '../model/nodes.js';
import { type TemplateFormat } from '../model/template.js';
import { type LoadedDocument } from '../parse/document/load.js';

/** Turns a rule's fixes into text edits for this document (or none, where the format has none). */
export interface FixMaker {
  materialize(fix: SetFix | Fix): Fix | undefined;
  ignore(node: ModelNode, ruleId: string): Fix | undefined;
}

/**
 * The fix maker of one analysed file. `doc`: the document the model was built from (none for a model read
 * from code). A document that does not parse gets no edits: where its text and its partial tree disagree,
 * an edit could make it worse (fuzzing found such fixes). The findings stay; the fixes come back once the
 * syntax error goes.
 */
export function fixMakerFor(doc: LoadedDocument | undefined, format: TemplateFormat, support: EditSupport): FixMaker {
  const editable = !doc || !doc.problems.some((p) => p.severity === 'error');
  // Set-fixes and ignores become edits of the document where the format supports them (YAML/JSON).
  const target = support.setFixes ? doc : undefined;
  const ignores = new Map<ModelNode, Fix | null>();
  return {
    // A rule's own text edits are checked against YAML anchors too (guardShared); CDK code has no document.
    materialize: (fix) =>
      !editable ? undefined : isSetFix(fix) ? (target ? materializeFix(target, fix) : undefined) : target ? guardShared(target, fix) : fix,
    // "Ignore this rule for this resource": Metadata.crossover.ignore, where templates keep it.
    ignore: (node, ruleId) =>
      target && editable && support.ignores.includes(format) && node.loc.path[0] === 'Resources' ? ignoreFix(target, node, ruleId, ignores) : undefined,
  };
}

/** Makes no edits (the input asked for none: AnalysisInput's `edits`). */
export const NO_EDITS: FixMaker = { materialize: () => undefined, ignore: () => undefined };

const IGNORE_PLACEHOLDER = 'crossover-rule-id';
const QUOTED_PLACEHOLDER = JSON.stringify(IGNORE_PLACEHOLDER);

/**
 * "Ignore this rule for this resource": `Metadata.crossover.ignore` gets the rule id. The edit is worked out
 * once per resource (where the list goes, in the document's style) and the rule id written into it, so a
 * resource with several findings costs one lookup, not one per finding.
 */
function ignoreFix(doc: LoadedDocument, node: ModelNode, ruleId: string, cache: Map<ModelNode, Fix | null>): Fix | undefined {
  let template = cache.get(node);
  if (template === undefined) {
    const set = { path: node.loc.path, keys: ['Metadata', 'crossover', 'ignore'], value: [...node.ignoredRules, IGNORE_PLACEHOLDER] };
    template = materializeFix(doc, { title: '', set }) ?? null;
    cache.set(node, template);
  }
  if (!template) return undefined;
  // Rule ids are written bare in YAML flow (letters, digits, '/', '-') and quoted in JSON, as the placeholder is.
  const json = doc.syntax === 'json';
  const placeholder = json ? QUOTED_PLACEHOLDER : IGNORE_PLACEHOLDER;
  const id = json ? JSON.stringify(ruleId) : ruleId;
  return {
    // The template's title is empty, or says the edit is inside a shared YAML anchor.
    title: `Ignore ${ruleId} for ${node.id}${template.title}`,
    edits: template.edits.map((e) => ({ range: e.range, newText: e.newText.replace(placeholder, id) })),
    ...(template.intent ? { intent: { ...template.intent, value: [...node.ignoredRules, ruleId] } } : {}),
  };
}
