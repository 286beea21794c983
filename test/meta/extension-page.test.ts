// What the extension's page (the Marketplace and the Extensions view) and its first-run experience are made of:
// the icon, the README's images, the walkthrough. A real-editor run showed that the Extensions view does not
// resolve an installed extension's relative image paths, so they must reach the package as the repository's URLs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  icon?: string;
  repository?: { url?: string };
  scripts: Record<string, string>;
  contributes: { walkthroughs?: { id: string; steps: { id: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[] };
};
const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');

describe("the extension's page", () => {
  test('the icon is a 128 x 128 PNG, drawn in media/icon.svg, and packaged', () => {
    expect(manifest.icon).toBe('media/icon.png');
    const png = readFileSync(join(root, manifest.icon!));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(existsSync(join(root, 'media', 'icon.svg'))).toBe(true);
    expect(vscodeignore).toContain(`!${manifest.icon}`);
  });

  test("the README's images are files of the repository that vsce rewrites to the repository's URLs", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const src of images) {
      expect(src, 'a relative path (vsce makes it absolute)').not.toMatch(/^[a-z]+:/i);
      expect(existsSync(join(root, src)), `${src} is committed`).toBe(true);
    }
    expect(manifest.repository?.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(manifest.scripts['package']).toContain('vsce package');
    expect(manifest.scripts['package']).not.toContain('--no-rewrite-relative-links');
  });
});

describe('the walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs ?? [];

  test('four steps, each with its page (packaged) and an event that checks it off', () => {
    expect(walkthrough?.steps.map((s) => s.id)).toEqual(['openTemplate', 'readFinding', 'setTraffic', 'compare']);
    for (const step of walkthrough!.steps) {
      const page = step.media.markdown!;
      expect(existsSync(join(root, page)), page).toBe(true);
      expect(page.startsWith('media/walkthrough/')).toBe(true);
      expect(step.completionEvents?.length, step.id).toBeGreaterThan(0);
    }
    expect(vscodeignore).toContain('!media/walkthrough/**');
  });

  test('the commands its steps run are Crossover commands that exist, or VS Code commands', () => {
    const commands = new Set(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.commands as { command: string }[]).map((c) => c.command),
    );
    const used = walkthrough!.steps.flatMap((s) =>
      (s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:crossover.')).map((e) => e.slice('onCommand:'.length)),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const command of used) expect(commands.has(command), command).toBe(true);
  });
});

describe('the editor context menu', () => {
  test("Crossover's entries show only in files with workloads (the key the analyzer sets)", () => {
    const menus = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.menus['editor/context'] as { command: string; when?: string }[];
    const ours = menus.filter((m) => m.command.startsWith('crossover.'));
    expect(ours.length).toBeGreaterThan(0);
    for (const entry of ours) expect(entry.when, entry.command).toMatch(/(^|&& )crossover\.hasWorkloads( &&|$)/);
    expect(readFileSync(join(root, 'src', 'extension', 'analyzer.ts'), 'utf8')).toContain("'setContext', 'crossover.hasWorkloads'");
  });
});
