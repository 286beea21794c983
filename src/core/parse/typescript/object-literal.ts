/**
 * `serverless.ts` -> the positioned tree, when the configuration is a static object literal:
 * `export default {...}`, `module.exports = {...}`, `export = {...}`, or any of those naming a `const`
 * of the file (`const serverlessConfiguration: AWS = {...}`). Parsed with the TypeScript compiler API
 * (syntax only: no type check, nothing executed). Spreads of `const` objects and shorthand properties
 * naming `const` literals are followed; any other expression (a call, an import, arithmetic) becomes
 * `${code:...}`, which the variable resolver reports as unresolved.
 *
 * Part of dist/typescript-reader.js, which hosts load only when a serverless.ts or CDK app is analysed,
 * so the compiler does not weigh on activation.
 */
import ts from 'typescript';
import { type MapEntry, type MapNode, type ScalarNode, type TreeNode } from '../document/tree.js';

const MAX_DEPTH = 64;

export function objectLiteralTree(fileName: string, text: string): TreeNode | undefined {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = new Map<string, ts.Expression>();
  let exported: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isExportAssignment(statement)) {
      exported = statement.expression;
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = statement.expression.left;
      if (ts.isPropertyAccessExpression(left) && left.getText(source) === 'module.exports') exported = statement.expression.right;
    }
  }
  if (!exported) return undefined;
  const convert = new Converter(source, consts);
  const root = convert.node(exported, 0);
  return root?.kind === 'map' ? root : undefined;
}

class Converter {
  constructor(
    private readonly source: ts.SourceFile,
    private readonly consts: Map<string, ts.Expression>,
  ) {}

  /** Unwraps `x as T`, `x satisfies T`, `(x)`, `<T>x`, and a const's name. */
  private unwrap(expression: ts.Expression, seen = new Set<string>()): ts.Expression {
    let e = expression;
    for (let guard = 0; guard < 32; guard++) {
      if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
      else if (ts.isIdentifier(e) && this.consts.has(e.text) && !seen.has(e.text)) {
        seen.add(e.text);
        e = this.consts.get(e.text)!;
      } else break;
    }
    return e;
  }

  node(expression: ts.Expression, depth: number): TreeNode | undefined {
    if (depth > MAX_DEPTH) return this.code(expression);
    const e = this.unwrap(expression);
    if (ts.isObjectLiteralExpression(e)) return this.object(e, depth);
    if (ts.isArrayLiteralExpression(e)) {
      const items = e.elements.flatMap((element) => {
        const item = ts.isSpreadElement(element) ? undefined : this.node(element, depth + 1);
        return item ? [item] : [];
      });
      return { kind: 'seq', items, start: e.getStart(this.source), end: e.end };
    }
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return this.scalar(e, e.text);
    if (ts.isNumericLiteral(e)) return this.scalar(e, Number(e.text));
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return this.scalar(e, -Number(e.operand.text));
    if (e.kind === ts.SyntaxKind.TrueKeyword) return this.scalar(e, true);
    if (e.kind === ts.SyntaxKind.FalseKeyword) return this.scalar(e, false);
    if (e.kind === ts.SyntaxKind.NullKeyword) return this.scalar(e, null);
    return this.code(e);
  }

  private object(e: ts.ObjectLiteralExpression, depth: number): MapNode {
    // A later property replaces an earlier one of the same name and takes the last place (a Map keeps that order).
    const byKey = new Map<string, MapEntry>();
    const set = (entry: MapEntry) => {
      byKey.delete(entry.key);
      byKey.set(entry.key, entry);
    };
    for (const property of e.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.node(property.expression, depth + 1);
        if (spread?.kind === 'map') spread.entries.forEach(set);
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = property.name;
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
      if (key === undefined) continue;
      const keyNode: ScalarNode = { kind: 'scalar', value: key, start: name.getStart(this.source), end: name.end };
      const value = ts.isPropertyAssignment(property) ? this.node(property.initializer, depth + 1) : this.node(property.name, depth + 1);
      if (value) set({ key, keyNode, value });
    }
    return { kind: 'map', entries: [...byKey.values()], start: e.getStart(this.source), end: e.end };
  }

  private scalar(e: ts.Node, value: ScalarNode['value']): ScalarNode {
    return { kind: 'scalar', value, start: e.getStart(this.source), end: e.end };
  }

  /** An expression only running the code would give: kept as `${code:...}` so it reads as unresolved. */
  private code(e: ts.Expression): ScalarNode {
    const text = e.getText(this.source).replace(/\s+/g, ' ');
    return this.scalar(e, `\${code:${text.length > 60 ? text.slice(0, 57) + '...' : text}}`);
  }
}
