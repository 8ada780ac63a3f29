// The Dockerfile people often write first for a front-end app: the whole project in the full
// node image, dependencies installed, the site built, and a Node.js file server in front of it
// (`serve`, as the Create React App deployment page suggests: https://create-react-app.dev/docs/deployment/#static-server).
// The build's output folder is not known here (the input carries no facts), so `serve` is pointed
// at dist/; the image is only built and measured, never run.
import type { NaiveInput } from '../../ecosystem.js';

export function naiveStatic(input: NaiveInput): string[] | null {
  // A folder of files: the official nginx image's own example (https://hub.docker.com/_/nginx, "Hosting some simple static content").
  if (input.runtimeVersion === 'none') return ['FROM nginx', 'COPY . /usr/share/nginx/html'];
  const node = input.runtimeVersion;
  const install = input.packageManager === 'pnpm' ? 'npm install -g pnpm && pnpm install' : input.packageManager === 'yarn' ? 'yarn install' : 'npm install';
  const run = input.packageManager === 'npm' ? 'npm run' : `${input.packageManager} run`;
  return [`FROM node:${node}`, 'WORKDIR /usr/src/app', 'COPY . .', `RUN ${install} && ${run} build`, 'EXPOSE 3000', 'CMD ["npx", "serve", "-s", "dist"]'];
}
