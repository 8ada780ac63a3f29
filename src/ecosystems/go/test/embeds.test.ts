import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedPatterns, missingEmbeds } from '../embeds.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'go-embed-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

const goFile = (path: string) => ({ path, dir: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.' });

describe('embedPatterns', () => {
  it('splits a directive into plain, "quoted" and `raw` patterns', () => {
    expect(embedPatterns('build/* "my files/*.html" `static`')).toEqual(['build/*', 'my files/*.html', 'static']);
    expect(embedPatterns('all:dist')).toEqual(['all:dist']);
    expect(embedPatterns('"unterminated')).toEqual([]);
  });
});

describe('missingEmbeds', () => {
  it('names an embedded folder the repository does not hold, relative to the Go file, once', () => {
    const p = project({ 'ui/serve.go': 'package ui\n\n//go:embed build/*\nvar a embed.FS\n//go:embed all:build\nvar b embed.FS\n' });
    expect(missingEmbeds(p, [goFile('ui/serve.go')])).toEqual([{ path: 'ui/build', source: 'ui/serve.go //go:embed build/*' }]);
  });

  it('counts a folder holding only a placeholder as missing, and a real one or an existing file as present', () => {
    const p = project({
      'frontend/assets.go': 'package frontend\n//go:embed dist/*\nvar dist embed.FS\n',
      'frontend/dist/.gitkeep': '',
      'docs/swagger.go': 'package docs\n//go:embed spec.json\nvar spec []byte\n',
      'docs/spec.json': '{}',
      'web/web.go': 'package web\n//go:embed templates static/*.css\nvar f embed.FS\n',
      'web/templates/index.html': '<p>',
      'web/static/site.css': 'p{}',
    });
    expect(missingEmbeds(p, [goFile('frontend/assets.go'), goFile('docs/swagger.go'), goFile('web/web.go')]).map((n) => n.path)).toEqual(['frontend/dist']);
  });

  it('ignores directives that leave the package folder or are only mentioned in text', () => {
    const p = project({ 'a.go': 'package main\n//go:embed ../secret\nvar s string\nvar doc = "use //go:embed x"\n' });
    expect(missingEmbeds(p, [goFile('a.go')])).toEqual([]);
  });
});
