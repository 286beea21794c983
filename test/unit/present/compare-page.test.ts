import { describe, expect, it } from 'vitest';
import { comparePage, inlineable } from '../../../src/shared/compare-page.js';

const base = { nonce: 'bm9uY2U=', cspSource: 'https://res.example', scriptUri: 'https://res.example/compare.js' };

describe('the view page', () => {
  it('writes the bundle into the page with its nonce, so it starts without a fetch', () => {
    const page = comparePage({ ...base, script: 'window.started = 1;' });
    expect(page).toContain('<script nonce="bm9uY2U=">window.started = 1;</script>');
    expect(page).not.toContain('src="https://res.example/compare.js"');
    expect(page).toContain(`script-src 'nonce-bm9uY2U='`);
  });

  it('loads the bundle from its address when none is given', () => {
    expect(comparePage(base)).toContain('<script nonce="bm9uY2U=" src="https://res.example/compare.js"></script>');
  });

  it('never writes a script that would end or change its element: it is fetched instead', () => {
    for (const script of ['a = "</script><img src=x>";', 'a = "</SCRIPT >";', 'a = "<!--";', 'a = "<script>";']) {
      expect(inlineable(script)).toBe(false);
      const page = comparePage({ ...base, script });
      expect(page).not.toContain(script);
      expect(page).toContain('src="https://res.example/compare.js"');
    }
    expect(inlineable('if (a < b) c = "/script";')).toBe(true);
  });
});
