import { it } from 'vitest';
import { generate, makeProject, moveDir } from './safety-helpers.js';
it('debug', async () => {
  const dir = makeProject('monorepo-npm-turbo', moveDir('monorepo-npm-turbo', 'apps/web', 'apps/w$HOME b'));
  const r = await generate(dir, '--dry-run', '--app', 'apps/w$HOME b');
  console.log(r.code, r.stderr.slice(0, 400), r.dockerfile);
});
