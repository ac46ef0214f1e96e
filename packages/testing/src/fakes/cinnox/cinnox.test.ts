// The CINNOX fake itself: auth, envelope and error codes, paging limits, subscriptions with the challenge, throttling.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalServer, type LocalServer } from '../../local-server.ts';
import { startCinnoxFake, type CinnoxFake } from './index.ts';

let fake: CinnoxFake;
let hook: LocalServer;
const base = (): string => `${fake.origin}/v1/api/apps/${fake.appId}`;
const call = async (path: string, init: RequestInit = {}, token = fake.token): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${base()}/${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  fake = await startCinnoxFake();
  hook = await startLocalServer((request, response) => {
    const body = JSON.parse(request.body || '{}') as { challenge?: string };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, result: { challenge: body.challenge } }));
  });
});

afterAll(async () => {
  await hook.close();
  await fake.close();
});

describe('CINNOX fake', () => {
  test('answers {code:0,result} with a valid App Token and 401 {code,message} without', async () => {
    fake.seedStaff({ fullName: 'Amy Wong' });
    expect(await call('contacts/staffcontact-list?limit=1')).toMatchObject({ status: 200, body: { code: 0, result: { items: [{ fullName: 'Amy Wong' }] } } });
    expect(await call('contacts/staffcontact-list', {}, 'nope')).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized: invalid App Token' } });
  });

  test('filters the staff list by fullName, as documented, but not the external contact list, which documents no filter', async () => {
    fake.seedStaff({ fullName: 'Ho Siu Ming' });
    const staff = await call('contacts/staffcontact-list?fullName=siu');
    expect((staff.body.result as { items: unknown[] }).items).toEqual([expect.objectContaining({ fullName: 'Ho Siu Ming' })]);
    fake.seedExternalContact({ firstName: 'Chan', lastName: 'Tai Man' });
    fake.seedExternalContact({ firstName: 'Lee', lastName: 'Siu Ming' });
    const contacts = await call('contacts/extcontact-list?fullName=Chan%20Tai%20Man');
    expect((contacts.body.result as { total: number }).total).toBe(2);
  });

  test('refuses limits over 500 and negative ones with code 6451000', async () => {
    expect(await call('contacts/extcontact-list?limit=501')).toEqual({ status: 400, body: { code: 6451000, message: 'exceed maximum limit 500' } });
    expect((await call('contacts/extcontact-list?limit=-1')).body.message).toBe('negative limit');
  });

  test('the enquiry detail report needs a period and answers the enquiries created in it, whatever else is asked', async () => {
    expect(await call('data/enquiry-detail?displayCaseNumber=100245')).toEqual({
      status: 400,
      body: { code: 6451000, message: 'missing one of startAt, endAt' },
    });
    expect((await call('data/enquiry-detail?startAt=2025-05-01T00:00:00Z')).body.message).toBe('missing one of startAt, endAt');
    fake.seedEnquiry({ displayCaseNumber: '100245', createdAt: '2025-05-20T08:15:30.000Z' });
    fake.seedEnquiry({ displayCaseNumber: '100246', createdAt: '2025-05-21T08:15:30.000Z' });
    fake.seedEnquiry({ displayCaseNumber: '100100', createdAt: '2025-01-02T00:00:00.000Z' });
    const inMay = await call('data/enquiry-detail?startAt=2025-05-01T00:00:00.000Z&endAt=2025-06-01T00:00:00.000Z&displayCaseNumber=100245');
    expect(inMay).toMatchObject({
      status: 200,
      body: { code: 0, result: { total: 2, items: [{ displayCaseNumber: '100245' }, { displayCaseNumber: '100246' }] } },
    });
  });

  test('enables a subscription only after its URL echoes the challenge, and delivers to it', async () => {
    const patched = await call('inquiry-event-sub', { method: 'PATCH', body: JSON.stringify({ enabled: true, url: hook.origin }) });
    expect(patched).toMatchObject({ status: 200, body: { code: 0, result: { enabled: true, url: hook.origin } } });
    expect(fake.challenges.at(-1)?.ok).toBe(true);
    expect((await fake.emitEnquiry({ status: 'Opened' })).status).toBe(200);
    expect(JSON.parse(hook.received.at(-1)?.body ?? '{}')).toMatchObject({ type: 'inquiry', status: 'Opened', eid: expect.any(String) });
    const refused = await call('label-event-sub', { method: 'PATCH', body: JSON.stringify({ enabled: true, url: `${fake.origin}/nowhere` }) });
    expect(refused).toEqual({ status: 400, body: { code: 6451000, message: 'Webhook URL verification failed' } });
  });

  test('delivers merges on the external contact event subscription and ownership transfers only on the contact event subscription', async () => {
    const patch = (path: string, enabled: boolean) => call(path, { method: 'PATCH', body: JSON.stringify({ enabled, url: hook.origin }) });
    await patch('external-contact-event-sub', true);
    const before = hook.received.length;
    expect(await fake.emitContactEvent('merge', { id: 'ext-1', fullName: 'Chan Tai Man' })).toHaveLength(1);
    expect(JSON.parse(hook.received.at(-1)?.body ?? '{}')).toMatchObject({ type: 'message', message: { type: 'contact', status: 'merge', id: 'ext-1' } });
    await expect(fake.emitContactEvent('transfer', { id: 'ext-1' })).rejects.toThrow('nothing is subscribed to contact-event-sub');
    await patch('contact-event-sub', true);
    expect(await fake.emitContactEvent('edit', { id: 'ext-1' })).toHaveLength(2);
    expect(await fake.emitContactEvent('transfer', { id: 'ext-1' })).toHaveLength(1);
    const events = hook.received.slice(before).filter((request) => request.body.includes('"message"'));
    expect(events).toHaveLength(4);
    await patch('external-contact-event-sub', false);
    await patch('contact-event-sub', false);
  });

  test('throttles on demand with code 6451010, as 429 or 400', async () => {
    fake.rateLimitNext(1);
    expect(await call('number-list')).toEqual({ status: 429, body: { code: 6451010, message: 'Too many requests' } });
    fake.rateLimitNext(1, { status: 400 });
    expect((await call('number-list')).status).toBe(400);
    expect((await call('number-list')).status).toBe(200);
  });
});
