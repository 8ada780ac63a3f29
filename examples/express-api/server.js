const express = require('express');

const app = express();
const port = Number(process.env.PORT) || 3000;

app.get('/', (_req, res) => res.json({ hello: 'world' }));
app.get('/health', (_req, res) => res.send('ok'));

const server = app.listen(port, () => console.log(`listening on ${port}`));
// Stop cleanly on `docker stop`.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
