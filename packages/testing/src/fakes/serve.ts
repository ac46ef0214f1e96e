// Runs all five fake services on fixed loopback ports with fixed credentials, for the local demo (`pnpm start`).
import { startCinnoxFake } from './cinnox/index.ts';
import { startDaktelaFake } from './daktela/index.ts';
import { startHelpCrunchFake } from './helpcrunch/index.ts';
import { startPipedriveFake } from './pipedrive/index.ts';
import { startTwentyFake } from './twenty/index.ts';

/** Where the demo's fakes listen and what they accept: `pnpm start` seeds the demo connections from the same table. */
export function demoFakes(base = Number(process.env.FAKES_PORT_BASE ?? 4101)) {
  return {
    daktela: { port: base, credentials: { baseUrl: `http://127.0.0.1:${base}`, accessToken: 'demo-daktela-token' } },
    cinnox: { port: base + 1, credentials: { baseUrl: `http://127.0.0.1:${base + 1}`, appId: 'demo-app', appToken: 'demo-cinnox-token' } },
    helpcrunch: { port: base + 2, credentials: { baseUrl: `http://127.0.0.1:${base + 2}`, apiKey: 'demo-helpcrunch-key' } },
    pipedrive: { port: base + 3, credentials: { baseUrl: `http://127.0.0.1:${base + 3}`, apiToken: 'demo-pipedrive-token' } },
    twenty: { port: base + 4, credentials: { baseUrl: `http://127.0.0.1:${base + 4}`, apiKey: 'demo-twenty-key' } },
  } as const;
}

/** OUTBOUND_ALLOW entries that let Switchyard reach the demo fakes (and nothing else private). */
export function demoOutboundAllow(base?: number): string {
  return Object.values(demoFakes(base))
    .map((fake) => `127.0.0.1:${fake.port}`)
    .join(',');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fakes = demoFakes();
  const running = await Promise.all([
    startDaktelaFake({ port: fakes.daktela.port, token: fakes.daktela.credentials.accessToken }),
    startCinnoxFake({ port: fakes.cinnox.port, appId: fakes.cinnox.credentials.appId, appToken: fakes.cinnox.credentials.appToken }),
    startHelpCrunchFake({ port: fakes.helpcrunch.port, apiKey: fakes.helpcrunch.credentials.apiKey }),
    startPipedriveFake({ port: fakes.pipedrive.port, token: fakes.pipedrive.credentials.apiToken }),
    startTwentyFake({ port: fakes.twenty.port, token: fakes.twenty.credentials.apiKey }),
  ]);
  for (const [name, fake] of Object.entries(fakes)) console.log(`fake ${name} listening on http://127.0.0.1:${fake.port}`);
  console.log('fakes ready');
  const stop = async () => {
    await Promise.allSettled(running.map((fake) => fake.close()));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
