// The API process: reads the configuration, serves HTTP, and shuts down gracefully on SIGTERM/SIGINT.
import { loadConfigOrExit } from '@switchyard/config';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';

const config = loadConfigOrExit();

const deps = await createDeps(config);
const app = await buildApp(deps);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const timer = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  await app.close();
  await deps.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host: config.HOST, port: config.PORT });
} catch (error) {
  app.log.error({ err: error }, `could not listen on ${config.HOST}:${config.PORT}`);
  process.exit(1);
}
