/**
 * Every relative link in README.md and docs/*.md resolves: the file exists, and a `#fragment`
 * names a heading of the target (GitHub's slug rules). Links into `docs/api/` point at the
 * typedoc site that `npm run docs` builds (git-ignored), so only its folder is checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** Markdown text without fenced code blocks and inline code spans. */
function prose(md: string): string {
  return md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets of a Markdown file: inline links, images and reference definitions. */
export function linkTargets(md: string): string[] {
  const text = prose(md);
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) {
    out.push(m[1]!);
  }
  for (const m of text.matchAll(/<a\s[^>]*href="([^"]+)"/g)) out.push(m[1]!);
  return out;
}

function anchors(md: string): Set<string> {
  const set = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(md).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    set.add(n === 0 ? base : `${base}-${n}`);
  }
  return set;
}

const docsDir = join(ROOT, 'docs');
const files = [
  join(ROOT, 'README.md'),
  ...(existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md'))
    .map((f) => join(docsDir, f)) : []),
];

describe('relative links in README.md and docs/*.md', () => {
  it('finds the links this check relies on', () => {
    const md = '# A title\n[x](a.md#b-c) ![i](img.png)\n[r]: ./r.md\n```\n[no](n.md)\n```\n';
    expect(linkTargets(md)).toEqual(['a.md#b-c', 'img.png', './r.md']);
    expect(slug('Keys and versions: 1.0 vs 1.1')).toBe('keys-and-versions-10-vs-11');
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} links resolve`, () => {
      const md = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const target of linkTargets(md)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: ...
        const [path, fragment] = target.split('#') as [string, string | undefined];
        const abs = path === '' ? file : resolve(dirname(file), decodeURI(path));
        const inApi = relative(join(ROOT, 'docs', 'api'), abs);
        if (!inApi.startsWith('..')) continue; // the built API site, not in git
        if (!existsSync(abs)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (fragment && abs.endsWith('.md') && statSync(abs).isFile() &&
          !anchors(readFileSync(abs, 'utf8')).has(fragment)) {
          broken.push(`${target}: no heading #${fragment}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
