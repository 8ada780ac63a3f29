// Static sites' data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, put, q, randomTree } from '../../../../test/ecosystem-cases.js';

const vitePackage = (scripts: Record<string, string>) =>
  JSON.stringify({ name: 'site', private: true, type: 'module', scripts, dependencies: { react: '^19.1.0', 'react-router-dom': '^7.6.0' }, devDependencies: { vite: '^6.3.5' } });

export const cases: EcosystemCases = {
  language: 'static',
  manifest: 'index.html',
  // A folder of files: no package.json, so it merges with every other ecosystem's small project.
  project: { 'index.html': '<!doctype html>\n<title>Site</title>\n<p>Hello</p>\n' },
  fixture: 'static-vite-react',
  ignored: ['node_modules/react/index.js', 'dist/index.html', '.astro/content.d.ts', '.svelte-kit/output/x.js', '.docusaurus/registry.js'],
  sources: ['src/main.jsx', 'index.html'],
  hostile: [
    { field: '.env VITE_ value (a build argument)', fixture: 'static-vite-react', file: '.env', benign: 'https://api.example.com', alternates: ['$OTHER'], edits: (v) => ({ '.env': `VITE_API_URL=${v}\n` }) },
    { field: 'package.json build script name', fixture: 'static-vite-react', file: 'package.json', benign: 'build', edits: (v) => ({ 'package.json': vitePackage({ [v]: 'vite build' }) }) },
    { field: 'vite.config.js build.outDir', fixture: 'static-vite-react', file: /vite\.config\.js/, benign: 'dist', edits: (v) => ({ 'vite.config.js': `export default { build: { outDir: ${q(v)} } };\n` }) },
  ],
  variablePaths: [
    { what: 'a Vite outDir', fixture: 'static-vite-react', edits: { 'vite.config.js': "export default { build: { outDir: 'w$HOME' } };\n" }, args: [], names: /w\$HOME/ },
  ],
  malformed: [
    { what: 'package.json (trailing comma)', fixture: 'static-vite-react', args: ['--language', 'static'], edits: { 'package.json': '{\n  "name": "x",\n  "dependencies": {},\n}\n' }, message: /package\.json is not valid JSON \(line \d+\)/ },
    { what: 'package.json (an array)', fixture: 'static-vite-react', args: ['--language', 'static'], edits: { 'package.json': '[1, 2]\n' }, message: /package\.json/ },
  ],
  textFiles: [
    { what: '.env with odd lines', fixture: 'static-vite-react', edits: { '.env': '=\n==x\nVITE_=\nexport VITE_A="unclosed\nVITE_B=`x`\n\u00e9VITE_C=1\n' } },
    { what: 'vite.config.js that is not JavaScript', fixture: 'static-vite-react', edits: { 'vite.config.js': 'outDir: outDir: "" root: \'\n' } },
  ],
  randomTree: randomTree({
    benign: { name: 'site', build: 'vite build', outDir: 'dist', api: 'https://api.example.com', nvmrc: '22' },
    structural: ['build', 'nvmrc'],
    optional: ['package-lock.json', '.nvmrc', '.env', 'vite.config.js'],
    tree: (v, m, g) => {
      const files: Record<string, string> = {
        'package.json': JSON.stringify({ name: v.name, private: true, scripts: { build: v.build }, devDependencies: { vite: '^6.3.5' } }),
        'index.html': '<!doctype html><div id="app"></div><script type="module" src="/main.js"></script>\n',
        'main.js': "document.getElementById('app').textContent = 'hi';\n",
      };
      put(files, 'package-lock.json', m['package-lock.json']!, JSON.stringify({ name: v.name, lockfileVersion: 3, packages: { '': { name: v.name } } }), g);
      put(files, '.nvmrc', m['.nvmrc']!, `${v.nvmrc}\n`, g);
      put(files, '.env', m['.env']!, `VITE_API_URL=${v.api}\n`, g);
      put(files, 'vite.config.js', m['vite.config.js']!, `export default { build: { outDir: ${q(v.outDir)} } };\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'static-vite-spa',
      health: '/healthz',
      dependencies: true,
      fixture: 'static-vite-react',
      args: [],
      base: 'alpine',
      touch: { file: 'src/main.jsx', comment: '// e2e change' },
      what: 'Vite React SPA, npm ci, nginx-unprivileged with the history-API fallback',
      probes: [
        { path: '/orders/42', status: 200, contains: 'data-app="orders-spa"' },
        { path: '/healthz', status: 200, contains: 'ok' },
        { path: '/assets/missing.js', status: 404, contains: '' },
      ],
    },
    {
      id: 'static-astro-pages',
      health: '/blog/hello',
      dependencies: true,
      fixture: 'static-astro-site',
      own: true,
      args: [],
      base: 'alpine',
      touch: { file: 'src/pages/index.astro', comment: '<!-- e2e change -->' },
      what: 'Astro static site (no adapter), npm ci, nginx-unprivileged with one HTML file per page and 404.html',
      probes: [
        { path: '/blog/hello', status: 200, contains: 'data-page="hello"' },
        { path: '/no/such/page', status: 404, contains: 'data-page="not-found"' },
      ],
    },
  ],
};
