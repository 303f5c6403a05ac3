/**
 * Codec code runs in ES5 engines once built into a script. Type-checking every codec in the
 * catalog against the ES5 standard library alone catches a modern built-in (`Object.entries`,
 * `String#padStart`, `Array#includes`...) at its line, before a network server would.
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { ROOT } from '../../vectors.js';

test('every codec type-checks against the ES5 library only', () => {
  const program = ts.createProgram([resolve(ROOT, 'codecs', 'catalog.ts')], {
    noEmit: true,
    target: ts.ScriptTarget.ES5,
    lib: ['lib.es5.d.ts'],
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(ROOT.length + 1)}:` +
        `${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  expect(diagnostics).toEqual([]);
});
