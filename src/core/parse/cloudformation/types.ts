import { type SourceLocation } from '../../model/location.js';
import { type TemplateModel } from '../../model/template.js';

/** Something the model builder noticed (an unresolvable reference, ...). The engine turns it into a finding. */
export interface ModelProblem {
  /** The id of the rule under which the problem is reported (e.g. `unresolved-reference`). */
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  loc: SourceLocation;
}

export interface ParsedTemplate {
  model: TemplateModel;
  problems: ModelProblem[];
}
