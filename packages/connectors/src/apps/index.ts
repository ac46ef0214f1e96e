// The registry of apps the engine can run, by app key.
import type { AppDefinition } from '../kit/define.ts';
import { cinnoxApp } from './cinnox/index.ts';
import { daktelaApp } from './daktela/index.ts';
import { helpcrunchApp } from './helpcrunch/index.ts';
import { httpApp } from './http/index.ts';
import { manualApp } from './manual/index.ts';
import { pipedriveApp } from './pipedrive/index.ts';
import { scheduleApp } from './schedule/index.ts';
import { twentyApp } from './twenty/index.ts';
import { webhooksApp } from './webhooks/index.ts';

export const apps: Readonly<Record<string, AppDefinition>> = {
  [httpApp.key]: httpApp,
  [webhooksApp.key]: webhooksApp,
  [scheduleApp.key]: scheduleApp,
  [manualApp.key]: manualApp,
  [daktelaApp.key]: daktelaApp,
  [twentyApp.key]: twentyApp,
  [pipedriveApp.key]: pipedriveApp,
  [cinnoxApp.key]: cinnoxApp,
  [helpcrunchApp.key]: helpcrunchApp,
};

export function getApp(key: string): AppDefinition | undefined {
  return Object.hasOwn(apps, key) ? apps[key] : undefined;
}

export { cinnoxApp, daktelaApp, helpcrunchApp, httpApp, manualApp, pipedriveApp, scheduleApp, twentyApp, webhooksApp };
