// Builds the dashboard into static files: index.html, styles.css, dashboard.js (the page's code with Chart.js,
// bundled and minified), the Vazirmatn font, config.json and the licences of what is bundled. The files load
// nothing from another origin, so they can be served by the functions' HTTP server or from S3 behind CloudFront.
//
// Usage: node build.mjs OUTPUT_DIR

import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2];
if (!output) {
  console.error('Usage: node build.mjs OUTPUT_DIR');
  process.exit(2);
}
const out = resolve(output);
const modules = join(here, 'node_modules');

async function requireInstalled() {
  try {
    await readFile(join(modules, 'chart.js', 'package.json'));
  } catch {
    console.error(`dashboard: ${modules} is missing; run: npm ci --prefix web/dashboard`);
    process.exit(1);
  }
}

await requireInstalled();
await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'fonts'), { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: join(out, 'dashboard.js'),
  // Licence comments of Chart.js and its colour helper go to dashboard.js.LEGAL.txt beside the bundle.
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

await copyFile(join(here, 'src', 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'src', 'styles.css'), join(out, 'styles.css'));
for (const weight of ['Regular', 'Bold']) {
  await copyFile(join(modules, 'vazirmatn', 'fonts', 'webfonts', `Vazirmatn-${weight}.woff2`),
    join(out, 'fonts', `Vazirmatn-${weight}.woff2`));
}
await copyFile(join(modules, 'vazirmatn', 'OFL.txt'), join(out, 'fonts', 'OFL.txt'));
await copyFile(join(modules, 'chart.js', 'LICENSE.md'), join(out, 'chart.js-LICENSE.md'));

// An empty apiBaseUrl means the API is on the page's own origin; static hosting sets the API's URL here.
await writeFile(join(out, 'config.json'), `${JSON.stringify({ apiBaseUrl: '' }, null, 2)}\n`);

const bytes = result.metafile.outputs[join(output, 'dashboard.js')]?.bytes
  ?? Object.values(result.metafile.outputs).reduce((sum, file) => sum + file.bytes, 0);
// On standard error, so that a build inside a script leaves its standard output to the script.
console.error(`dashboard: built ${out} (dashboard.js ${Math.round(bytes / 1024)} KiB)`);
