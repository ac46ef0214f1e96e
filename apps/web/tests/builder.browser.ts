// Browser scenario of the builder against a running Switchyard (API, worker) and the Pipedrive fake, in Debian's chromium:
// sign up; connect Pipedrive (a bad token shows the service's error, a good one works); build catch hook -> code ->
// Pipedrive "create person" with the name mapped from the hook body through the data picker; publish; POST to the hook;
// see the run succeed in the run history with the Pipedrive request. Every screen is saved as a screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export type BuilderScenarioOptions = {
  /** Where Switchyard serves the web UI and the API, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** The Pipedrive fake's origin, entered as the connection's Base URL (Switchyard must be allowed to reach it). */
  pipedriveFakeOrigin: string;
  /** The token the fake accepts. */
  pipedriveToken?: string;
  /** Where the screenshots of each screen go (created if missing). */
  screenshotsDir: string;
};

export type BuilderScenarioResult = { zapId: string; runId: string; hookUrl: string; screenshots: string[]; consoleErrors: string[] };

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TIMEOUT = 20_000;

export async function runBuilderScenario(options: BuilderScenarioOptions): Promise<BuilderScenarioResult> {
  const { baseUrl, pipedriveFakeOrigin, pipedriveToken = 'demo-pipedrive-token', screenshotsDir } = options;
  mkdirSync(screenshotsDir, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    // Chrome logs every 4xx answer as "Failed to load resource"; the bad-token 422 is expected, nothing else is.
    let expected422 = 0;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (expected422 > 0 && message.text().includes('status of 422') && message.location().url.includes('/connections')) {
        expected422 -= 1;
        return;
      }
      consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));

    let shot = 0;
    const screenshot = async (name: string, target: Page = page) => {
      shot += 1;
      const file = join(screenshotsDir, `${String(shot).padStart(2, '0')}-${name}.png`);
      await target.screenshot({ path: file, fullPage: true });
      screenshots.push(file);
    };

    // 1. Sign up: a new account and workspace, then the empty zaps list.
    const email = `builder-${Date.now()}@example.test`;
    await page.goto('/signup');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Workspace name').fill('Browser scenario');
    await screenshot('signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Zaps', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No zaps yet' }).waitFor();
    await screenshot('zaps-empty');

    // 2. Connect Pipedrive: a bad token first (the service's own error shows), then the good one.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('heading', { name: 'No connections yet' }).waitFor();
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await page
      .getByRole('dialog', { name: 'Add a connection' })
      .getByRole('button', { name: /Pipedrive/ })
      .click();
    const connect = page.getByRole('dialog', { name: 'Connect Pipedrive' });
    await connect.getByLabel('API token').fill('not-a-valid-token');
    await connect.getByLabel('Base URL').fill(pipedriveFakeOrigin);
    await screenshot('connect-pipedrive');
    expected422 += 1;
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    const failure = connect.getByRole('alert');
    await failure.waitFor();
    const failureText = (await failure.textContent()) ?? '';
    if (!/did not accept/i.test(failureText)) throw new Error(`the bad token's error is not shown: ${failureText}`);
    await screenshot('connect-pipedrive-bad-token');
    await connect.getByLabel('API token').fill(pipedriveToken);
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await connect.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Pipedrive' }).getByText('Working').waitFor();
    await screenshot('connections');

    // 3. A new zap with a catch-hook trigger.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Zaps' }).click();
    await page.getByRole('link', { name: 'Create zap' }).click();
    await page.getByRole('button', { name: /^Webhooks/ }).click();
    await screenshot('choose-trigger-event');
    await page.getByRole('button', { name: /^Catch Hook/ }).click();
    await page.getByLabel('Zap name').waitFor();
    const zapId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByLabel('Zap name').fill('New lead -> Pipedrive person');
    const hookUrlInput = page.getByLabel('Your webhook URL');
    await hookUrlInput.waitFor();
    const hookUrl = await hookUrlInput.inputValue();

    // The "waiting for a request" test: a request sent now becomes the trigger's test data.
    await page.getByRole('button', { name: 'Wait for a request' }).click();
    await page.getByText('Waiting for a request…').waitFor();
    await screenshot('hook-waiting');
    await postJson(hookUrl, { name: 'Ada Lovelace', email: 'ada@example.test', source: 'landing page' });
    await page.getByText(/Request received/).waitFor({ timeout: 15_000 });
    await screenshot('hook-request-received');

    // 4. A code step mapping the hook's name into its input data.
    await page.getByRole('button', { name: 'Add a step' }).last().click();
    await page.getByRole('dialog', { name: 'Add a step' }).getByRole('button', { name: /^Code/ }).click();
    const code = page.getByRole('article', { name: /^Step 2:/ });
    await code.getByRole('button', { name: 'Add input' }).click();
    await code.getByLabel('Name of input data entry 1').fill('name');
    await insertData(code.getByRole('button', { name: 'Insert data into Value of name' }), page, 'body.name');
    await code.getByLabel('Code (JavaScript)').fill("return { greeting: 'Hello ' + input.name, letters: input.name.length };");
    await code.getByRole('button', { name: 'Test step' }).click();
    await code.getByText('Hello Ada Lovelace').first().waitFor({ timeout: 30_000 });
    await screenshot('code-step-tested');

    // 5. Pipedrive "Create person", its name mapped from the hook body through the data picker.
    await page.getByRole('button', { name: 'Add a step' }).last().click();
    const add = page.getByRole('dialog', { name: 'Add a step' });
    await add.getByRole('button', { name: /^Action in an app/ }).click();
    await add.getByRole('button', { name: /^Pipedrive/ }).click();
    await add.getByRole('button', { name: /^Create Person/ }).click();
    const person = page.getByRole('article', { name: /^Step 3:/ });
    await person.getByLabel('Pipedrive account').selectOption({ label: 'Pipedrive account' });
    await person.getByRole('button', { name: 'Insert data into Name' }).click();
    await screenshot('data-picker');
    await pickField(page, 'body.name');
    // The reference shows as a readable chip inside the field.
    await person.getByRole('textbox', { name: 'Name' }).getByText('body › name').waitFor();
    await insertData(person.getByRole('button', { name: 'Insert data into Email' }), page, 'body.email');
    await screenshot('pipedrive-step-mapped');

    // 6. Publish (after the autosave), and the zap is on.
    await page.getByText('All changes saved').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const published = page.getByText(/Published: the zap is on/);
    const problems = page.getByRole('alert').filter({ hasText: /cannot be published/ });
    await Promise.race([
      published.waitFor(),
      problems.waitFor().then(async () => Promise.reject(new Error(`publish failed: ${await problems.textContent()}`))),
    ]);
    await screenshot('published');

    // 7. A real request to the hook runs the zap.
    await postJson(hookUrl, { name: 'Grace Hopper', email: 'grace@example.test' });

    // 8. Run history shows it succeed; its detail shows the request sent to Pipedrive.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Run history' }).click();
    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByText('Succeeded').first().waitFor({ timeout: 30_000 });
    await screenshot('run-history');
    await runs
      .getByRole('link', { name: /New lead -> Pipedrive person/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Trigger data' }).waitFor();
    const runId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const pipedriveStep = page.getByRole('button', { name: /Create Person in Pipedrive/ });
    await pipedriveStep.click();
    const requests = page.getByRole('region', { name: 'HTTP requests' });
    await requests.waitFor();
    const requestLine = (await requests.textContent()) ?? '';
    if (!requestLine.includes('POST') || !requestLine.includes(new URL(pipedriveFakeOrigin).host)) {
      throw new Error(`the Pipedrive request is not shown: ${requestLine}`);
    }
    await requests.getByText('Grace Hopper').first().waitFor();
    await screenshot('run-detail');

    // 9. The same screens on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot('run-detail-phone');
    await page.goto(`/w/${new URL(page.url()).pathname.split('/')[2]}/zaps/${zapId}`);
    await page.getByLabel('Zap name').waitFor();
    await screenshot('builder-phone');

    if (consoleErrors.length > 0) throw new Error(`the browser console logged errors:\n${consoleErrors.join('\n')}`);
    return { zapId, runId, hookUrl, screenshots, consoleErrors };
  } finally {
    await browser.close();
  }
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}

/** In an open data picker, finds a field by searching for its last name and inserts it. */
async function pickField(page: Page, path: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: 'Insert data' });
  await picker.getByLabel('Search data').fill(path.split('.').at(-1) ?? path);
  await picker
    .getByRole('button', { name: new RegExp(`^Insert ${path.replace(/\./g, '\\.')} from step`) })
    .first()
    .click();
  await picker.waitFor({ state: 'detached' });
}

async function insertData(button: Locator, page: Page, path: string): Promise<void> {
  await button.click();
  await pickField(page, path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runBuilderScenario({
    baseUrl: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    pipedriveFakeOrigin: process.env.PIPEDRIVE_FAKE_ORIGIN ?? 'http://127.0.0.1:4104',
    pipedriveToken: process.env.PIPEDRIVE_TOKEN ?? 'demo-pipedrive-token',
    screenshotsDir: process.env.SCREENSHOTS_DIR ?? 'test-artifacts/builder',
  });
  console.log(JSON.stringify(result, null, 2));
}
