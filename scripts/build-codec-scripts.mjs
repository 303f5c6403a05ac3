#!/usr/bin/env node
/**
 * Builds one ES5 body per registered codec into dist/codec-scripts/ (run by `npm run build`
 * after tsup). Each body is the codec plus the TS013 wrapper, bundled by esbuild into an IIFE
 * that defines `__loireCodec` (with `create(options)` returning the bound TS013 functions), then
 * lowered to ES5 by the TypeScript compiler. `loire codec build` adds a network server's glue.
 * Examples, JSON Schemas and descriptions are emptied in the bundle: they are registry metadata
 * (the ts013 target writes them beside the script), not needed to decode. `encodeUplink` is
 * left out too: a network server never encodes what a device sends, and the glue does not
 * expose it (see {@link SERVER_UNUSED_KEYS}). Template literals become `+` chains before the
 * ES5 lowering (shorter than the `"".concat()` calls TypeScript writes).
 *
 * Every body is checked: it must parse as ES5 (acorn), use no ES2015+ built-in (a token list,
 * named in the failure with the codec and line), and leave room for the glue under 40 KiB.
 * Failures are collected and reported together; the exit status is then 1.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import ts from 'typescript';
import { checkEs5 } from './codec-script-check.mjs';
import { templatesToPlus } from './es5-templates.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, 'dist', 'codec-scripts');
const TMP_DIR = resolve(ROOT, '.tmp', 'codec-scripts');
const CATALOG = resolve(ROOT, 'codecs', 'catalog.ts');
const TS013 = resolve(ROOT, 'codecs', 'framework', 'ts013.ts');
/** The glue of `cli/codec-script.ts` is under this; the body must leave room for it. */
const GLUE_ALLOWANCE = 1024;
/**
 * Object-literal keys whose values are metadata for the registry, not needed to run: emptied in
 * the bundle so that they do not count against the 40 KiB of a script. Each key is checked to
 * be read at run time only to build registry metadata (grep the codecs before adding one):
 * `examples`, `uplinkSchema`, `downlinkSchema` of a CodecDefinition; `packetSchema` and
 * `packetDescription` of a NAS packet (codecs/vendors/nas/format/packet.ts), read only by
 * `nasCodec` to build the schemas and `messageTypes`. A generic key such as `description` or
 * `schema` is not in the list: the OMS layer reads `description` at run time to name records.
 */
const METADATA_KEYS = new Set(['examples', 'uplinkSchema', 'downlinkSchema', 'packetSchema',
  'packetDescription']);
/**
 * Object-literal keys (properties or methods) left out of server scripts: `encodeUplink`, of a
 * CodecDefinition, of the bound TS013 functions (`bindTs013`) and of NAS packets that only
 * travel uplink. TS013-1.0.0 gives a network server decodeUplink, encodeDownlink and
 * decodeDownlink (and The Things Stack normalizeUplink); the glue of cli/codec-script.ts exposes
 * only those, so `encodeUplink` in a script was unreachable and only cost bytes. Simulators and
 * firmware tests call it through the library (`loire/codecs`), which keeps it. In a script the
 * member is removed, so `__loireCodec.create().encodeUplink` is absent.
 */
const SERVER_UNUSED_KEYS = new Set(['encodeUplink']);
/** A quick test for sources that hold none of these keys (they are passed through). */
const STRIPPED_KEYS = new RegExp(`\\b(${[...METADATA_KEYS, ...SERVER_UNUSED_KEYS].join('|')})\\b`);
const MAX_SCRIPT_BYTES = 40960;

/** ES5 versions of the helpers TypeScript emits when lowering (used with noEmitHelpers). */
const HELPERS = {
  __assign:
    'var __assign = function (t) {\n' +
    '  for (var i = 1; i < arguments.length; i++) {\n' +
    '    var s = arguments[i];\n' +
    '    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];\n' +
    '  }\n' +
    '  return t;\n' +
    '};',
  __spreadArray:
    'var __spreadArray = function (to, from) {\n' +
    '  return to.concat(Array.prototype.slice.call(from));\n' +
    '};',
  __rest:
    'var __rest = function (s, e) {\n' +
    '  var t = {};\n' +
    '  for (var p in s) {\n' +
    '    if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0) t[p] = s[p];\n' +
    '  }\n' +
    '  return t;\n' +
    '};',
  __extends:
    'var __extends = function (d, b) {\n' +
    '  for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p];\n' +
    '  d.prototype = Object.create(b.prototype, { constructor: { value: d, writable: true,\n' +
    '    configurable: true } });\n' +
    '};',
  __makeTemplateObject:
    'var __makeTemplateObject = function (cooked, raw) {\n' +
    '  Object.defineProperty(cooked, "raw", { value: raw });\n' +
    '  return cooked;\n' +
    '};',
};

function fileNameOf(id) {
  return id.replace('/', '__') + '.js';
}

/** The family modules named in codecs/catalog.ts: `export { name } from './path.js'`. */
function readCatalog() {
  const text = readFileSync(CATALOG, 'utf8');
  const families = [];
  const re = /^export\s*\{([^}]+)\}\s*from\s*'([^']+)'/gm;
  let m;
  while ((m = re.exec(text)) !== null) {
    const path = resolve(dirname(CATALOG), m[2].replace(/\.js$/, '.ts'));
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name && !name.startsWith('type ')) families.push({ name, path });
    }
  }
  return families;
}

/**
 * The modules to search for a codec's own named export: the family index, and the local
 * modules it imports (where a device file usually exports its definition).
 */
function candidateModules(family) {
  const out = [family.path];
  const text = readFileSync(family.path, 'utf8');
  const re = /^import\s+(?!type\b)[^;]*?from\s*'(\.[^']+)'/gm;
  let m;
  while ((m = re.exec(text)) !== null) {
    const path = resolve(dirname(family.path), m[1].replace(/\.js$/, '.ts'));
    if (existsSync(path) && !out.includes(path)) out.push(path);
  }
  return out;
}

/** Loads every family (bundled for node) to learn which module export holds each codec. */
async function discover(families) {
  mkdirSync(TMP_DIR, { recursive: true });
  const modules = [];
  for (const f of families) {
    for (const p of candidateModules(f)) if (!modules.includes(p)) modules.push(p);
  }
  const lines = modules.map((p, i) => `import * as m${i} from ${JSON.stringify(p)};`);
  lines.push(`export const modules = [${modules.map((_, i) => `m${i}`).join(', ')}];`);
  const outfile = resolve(TMP_DIR, 'discover.mjs');
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
  });
  // One bundle, so each definition is one object wherever it is re-exported.
  const loaded = await import(pathToFileURL(outfile).href + '?t=' + Date.now());
  const codecs = [];
  for (const family of families) {
    const ns = loaded.modules[modules.indexOf(family.path)];
    const list = ns[family.name];
    if (!Array.isArray(list)) throw new Error(`${family.name} is not an array`);
    for (const codec of list) {
      let own;
      for (const p of candidateModules(family)) {
        const mod = loaded.modules[modules.indexOf(p)];
        const name = Object.keys(mod).find((k) => mod[k] === codec);
        if (name !== undefined) {
          own = { path: p, name };
          break;
        }
      }
      codecs.push({ id: codec.id, family, own });
    }
  }
  return codecs;
}

/**
 * Replaces the value of every {@link METADATA_KEYS} property with an empty one of its type (the
 * NAS packet keys are removed), and removes every {@link SERVER_UNUSED_KEYS} property or method.
 */
function stripMetadata(context) {
  const f = context.factory;
  const empty = (key) => {
    if (key === 'examples') return f.createArrayLiteralExpression([]);
    return f.createObjectLiteralExpression([]);
  };
  const visit = (node) => {
    const member = ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) ||
      (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent));
    if (member) {
      const named = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name);
      const key = named ? node.name.text : '';
      // NAS packet metadata and encodeUplink are dropped outright (an absent optional member
      // reads as undefined): nothing in a script reads them.
      if (key === 'packetSchema' || key === 'packetDescription' || SERVER_UNUSED_KEYS.has(key)) {
        return undefined;
      }
      if (METADATA_KEYS.has(key) || SERVER_UNUSED_KEYS.has(key)) {
        return f.createPropertyAssignment(key, empty(key));
      }
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

/** esbuild plugin: codec sources go through TypeScript with {@link stripMetadata}. */
const metadataPlugin = {
  name: 'loire-strip-metadata',
  setup(b) {
    b.onLoad({ filter: /[\\/]codecs[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!STRIPPED_KEYS.test(source)) return undefined;
      const out = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext },
        transformers: { before: [stripMetadata] },
      });
      return { contents: out.outputText, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

async function bundleCodec(entry) {
  const imports = entry.own
    ? `import { ${entry.own.name} as codec } from ${JSON.stringify(entry.own.path)};`
    : `import { ${entry.family.name} as list } from ${JSON.stringify(entry.family.path)};\n` +
      `var codec; for (var i = 0; i < list.length; i++) ` +
      `if (list[i].id === ${JSON.stringify(entry.id)}) codec = list[i];`;
  // `__loireCodec` is declared by a banner and assigned by the bundle, rather than made the
  // IIFE's `globalName`: esbuild's export helpers for a global name cost some 400 bytes.
  const contents = [
    imports,
    `import { bindTs013 } from ${JSON.stringify(TS013)};`,
    '__loireCodec = { create: function (options) { return bindTs013(codec, options); } };',
  ].join('\n');
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    banner: { js: 'var __loireCodec;' },
    platform: 'neutral',
    target: 'es2020',
    charset: 'ascii',
    legalComments: 'none',
    minifySyntax: true,
    plugins: [metadataPlugin],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function lowerToEs5(code) {
  const out = ts.transpileModule(code, {
    fileName: 'codec.js',
    transformers: { before: [templatesToPlus] },
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      noEmitHelpers: true,
      removeComments: true,
      allowJs: true,
    },
  }).outputText;
  const helpers = Object.keys(HELPERS).filter((h) => new RegExp(`\\b${h}\\(`).test(out));
  return helpers.map((h) => HELPERS[h]).join('\n') + (helpers.length ? '\n' : '') + out;
}

async function main() {
  const families = readCatalog();
  const codecs = await discover(families);
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const problems = [];
  const index = [];
  for (const entry of codecs) {
    let minified = false;
    let text = lowerToEs5(await bundleCodec(entry));
    if (Buffer.byteLength(text) > MAX_SCRIPT_BYTES - GLUE_ALLOWANCE) {
      // Readable when it fits; otherwise minified (the TS printer re-indents, so minify last).
      minified = true;
      text = (await transform(text, { minify: true, target: 'es5', charset: 'ascii' })).code;
    }
    const found = checkEs5(entry.id, text);
    const bytes = Buffer.byteLength(text);
    // A codec bundled with its siblings is a build fault; one that is too large on its own
    // is recorded (none is today; the NAS codecs come closest): the library and CLI serve it,
    // `loire codec build` refuses it with TOO_LARGE, naming the size.
    const oversize = bytes > MAX_SCRIPT_BYTES - GLUE_ALLOWANCE;
    if (oversize && !entry.own) {
      found.push(`${entry.id}: body is ${bytes} bytes even minified (export the definition by ` +
        `name from its own module, imported by ${entry.family.path}, so that it is bundled ` +
        `without its siblings)`);
    }
    if (oversize) process.stderr.write(`build-codec-scripts: ${entry.id} is ${bytes} bytes ` +
      `minified, over the ${MAX_SCRIPT_BYTES}-byte script limit: no server script\n`);
    problems.push(...found);
    const file = fileNameOf(entry.id);
    writeFileSync(resolve(OUT_DIR, file), text);
    index.push({ id: entry.id, file, bytes, minified, oversize, bundledAlone: Boolean(entry.own) });
  }
  index.sort((a, b) => (a.id < b.id ? -1 : 1));
  const indexText = JSON.stringify({ scripts: index }, null, 2) + '\n';
  writeFileSync(resolve(OUT_DIR, 'index.json'), indexText);
  if (problems.length > 0) {
    process.stderr.write(`build-codec-scripts: ${problems.length} problem(s):\n`);
    for (const p of problems) process.stderr.write(`  ${p}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `build-codec-scripts: ${index.length} codec script(s) in dist/codec-scripts\n`,
  );
}

if (!existsSync(CATALOG)) {
  process.stderr.write('build-codec-scripts: codecs/catalog.ts not found\n');
  process.exitCode = 1;
} else {
  await main();
}
