// Bundles the designer for the ASP.NET Core host: one IIFE script (window.CoBanDesigner) and one
// stylesheet (bpmn-js, diagram-js, bpmn-font, properties panel and our own CSS) plus the bpmn-font
// files, written into the host's wwwroot/designer/ (git-ignored, rebuilt by the .NET build).
//
//   node build.mjs            minified bundle
//   node build.mjs --dev      readable bundle with a linked source map
//   node build.mjs --out DIR  another output folder (tests use the default)
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const outIndex = args.indexOf('--out');
const outdir = outIndex >= 0
  ? path.resolve(args[outIndex + 1])
  : path.resolve(here, '../CoBan.Workflow/wwwroot/designer');

// Start from an empty folder so renamed or removed fonts do not linger in the served assets.
fs.rmSync(outdir, { recursive: true, force: true });

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { designer: 'src/index.js' },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: [ 'es2020', 'chrome100', 'firefox100', 'safari15', 'edge100' ],
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  // license texts go into designer.licenses.txt (below) instead of comments in the bundle
  legalComments: 'none',
  // Fonts referenced by bpmn-font's CSS are copied beside the stylesheet.
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  metafile: true,
  logLevel: 'warning'
});

writeLicenses(result.metafile, path.join(outdir, 'designer.licenses.txt'));

const files = Object.keys(result.metafile.outputs).map(f => {
  const size = fs.statSync(path.resolve(here, f)).size;
  return `  ${path.relative(outdir, path.resolve(here, f))}  ${(size / 1024).toFixed(0)} KB`;
});
console.log(`designer bundle -> ${outdir}\n${files.join('\n')}`);

/**
 * Third-party notices for every npm package that ended up in the bundle: name, version, license
 * and the package's LICENSE file, as the MIT-style licenses (and bpmn.io's) ask of copies.
 */
function writeLicenses(metafile, file) {
  const packages = new Map();

  for (const input of Object.keys(metafile.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
    if (!match) {
      continue;
    }
    // the innermost node_modules segment names the package the file belongs to
    const dir = input.slice(0, input.lastIndexOf(match[match.length - 1]) + match[match.length - 1].length);
    packages.set(path.resolve(here, dir), true);
  }

  const sections = [ ...packages.keys() ].sort().map(dir => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    const text = licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8').trim() : '(no license file in the package)';
    return `${pkg.name} ${pkg.version} (${pkg.license || 'see below'})\n\n${text}\n`;
  });

  fs.writeFileSync(file, 'Third-party software bundled in designer.js and designer.css\n\n' +
    sections.join('\n' + '-'.repeat(72) + '\n\n'));
}
