/**
 * The codec script build rewrites template literals as `+` chains before lowering to ES5
 * (scripts/es5-templates.mjs). The rewritten code must give the text the template gives, and
 * a tagged template (whose tag receives strings and values apart) must be left a template.
 */
import vm from 'node:vm';
import { fc, test } from '@fast-check/vitest';
import ts from 'typescript';
import { describe, expect } from 'vitest';

type Transformer = ts.TransformerFactory<ts.SourceFile>;
// A plain .mjs script without declarations: imported by a computed path, typed here.
const modulePath = '../../../scripts/es5-templates.mjs';
const { templatesToPlus } = (await import(modulePath)) as { templatesToPlus: Transformer };

/** `code` rewritten and lowered as the build does it, then run; returns `result`. */
function lowered(code: string): unknown {
  const out = ts.transpileModule(code, {
    transformers: { before: [templatesToPlus] },
    compilerOptions: { target: ts.ScriptTarget.ES5, noEmitHelpers: false },
  }).outputText;
  return vm.runInNewContext(out + '\nresult;');
}

describe('template literals as + chains', () => {
  const value = fc.oneof(
    fc.integer().map(String),
    fc.constantFrom('-0', '0.1', '1e21', 'NaN', 'Infinity', '-1.5', 'null', 'undefined', 'true',
      '[1, 2]', '[]', "'x'", "''", 'new Date(0).toISOString()'),
  );
  const text = fc.string({ maxLength: 4 }).map((s) => s.replace(/[`\\$]/g, '_'));
  test.prop([text, fc.array(fc.tuple(value, text), { minLength: 1, maxLength: 4 })])(
    'give the text the template gives, numbers next to numbers included', (head, spans) => {
      const code = 'var result = `' + head +
        spans.map(([v, t]) => '${' + v + '}' + t).join('') + '`;';
      expect(lowered(code)).toBe(vm.runInNewContext(code + '\nresult;'));
    });

  test('a tagged template stays a template (String.raw keeps its backslashes)', () => {
    const code = 'var n = 4; var result = String.raw`a\\n${n}${n}b`;';
    expect(lowered(code)).toBe('a\\n44b');
  });
});
