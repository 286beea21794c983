/**
 * Every rule, in one explicit sorted list (no file-system discovery, so bundles stay simple and the
 * meta tests can compare this list with the files on disk).
 */
import fileTooLarge from './file-too-large.js';
import parseError from './parse-error.js';
import { type Rule } from './rule.js';
import unknownTag from './unknown-tag.js';
import unresolvedReference from './unresolved-reference.js';

export const RULES: readonly Rule[] = [fileTooLarge, parseError, unknownTag, unresolvedReference] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
