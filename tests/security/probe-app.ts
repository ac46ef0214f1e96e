// A test-only connector ("security_probe") whose connection holds a distinctive secret that its action sends every usual way.
// Loaded into the stack through CONNECTOR_MODULES; the secret it accepts comes from SECURITY_PROBE_TOKEN in the environment.
import { StepFailure } from '@switchyard/contracts';
import { z } from 'zod';

interface StepHttpLike {
  request(request: {
    method: string;
    url: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: { type: 'json'; value: unknown };
  }): Promise<{ status: number; body: unknown }>;
}

const auth = z.object({ token: z.string().min(1).meta({ title: 'Token', secret: true }) });
const sendInput = z.object({ url: z.string().url() });

export const securityProbeApp = {
  key: 'security_probe',
  name: 'Security probe',
  description: 'Sends its connection secret in a header, the query string and the body, for the secret scan.',
  auth: {
    fields: auth,
    test: async ({ auth: credentials }: { auth: z.output<typeof auth> }) => {
      if (!process.env.SECURITY_PROBE_TOKEN || credentials.token !== process.env.SECURITY_PROBE_TOKEN) {
        throw new StepFailure('The token is not valid (401 Unauthorized)', { transient: false, status: 401 });
      }
    },
  },
  triggers: [],
  actions: [
    {
      key: 'send',
      name: 'Send',
      description: 'POSTs to a URL with the token as a bearer header, an api_token query parameter and a body field.',
      input: sendInput,
      sample: { status: 200 },
      outputFields: [{ key: 'status', label: 'HTTP status', type: 'integer' }],
      perform: async ({ input, http, auth: credentials }: { input: z.output<typeof sendInput>; http: StepHttpLike; auth: z.output<typeof auth> }) => {
        const response = await http.request({
          method: 'POST',
          url: input.url,
          query: { api_token: credentials.token },
          headers: { authorization: `Bearer ${credentials.token}`, 'x-api-key': credentials.token },
          body: { type: 'json', value: { token: credentials.token, note: `signed with ${credentials.token}` } },
        });
        return { status: response.status };
      },
    },
  ],
};

export const apps = [securityProbeApp];

/** The value to add to CONNECTOR_MODULES to load this app. */
export const SECURITY_PROBE_MODULE = new URL('./probe-app.ts', import.meta.url).pathname;
