// The Dockerfile people often write first for a front-end app: the whole project in the full
// node image, dependencies installed, the site built, and a Node.js file server in front of it
// (`serve`, as the Create React App deployment page suggests: https://create-react-app.dev/docs/deployment/#static-server).
import type { NaiveInput } from '../../ecosystem.js';

export function naiveStatic(input: NaiveInput): string[] | null {
  if (!input.has('package.json')) return null;
  const node = input.runtimeVersion === 'none' ? '24' : input.runtimeVersion;
  const install = input.packageManager === 'pnpm' ? 'npm install -g pnpm && pnpm install' : input.packageManager === 'yarn' ? 'yarn install' : 'npm install';
  const run = input.packageManager === 'npm' ? 'npm run' : `${input.packageManager} run`;
  return [`FROM node:${node}`, 'WORKDIR /usr/src/app', 'COPY . .', `RUN ${install} && ${run} build`, 'EXPOSE 3000', 'CMD ["npx", "serve", "-s", "dist"]'];
}
