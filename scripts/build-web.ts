/**
 * Bundles the web page (web/src) with its chart and graph libraries into web/dist: app.js and app.css, all
 * from node_modules, so the page fetches nothing from elsewhere. Run by `npm run build`.
 */
import { build } from 'esbuild';
import { packagePath } from '../src/package-path.js';

await build({
  entryPoints: [{ in: packagePath('web/src/main.ts'), out: 'app' }, { in: packagePath('web/src/style.css'), out: 'app' }],
  outdir: packagePath('web/dist'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
