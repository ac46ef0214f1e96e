// CINNOX actions over real HTTP: each request as the fake received it, and each output.
import { describe, expect, test } from 'vitest';
import { startCinnoxFake, type CinnoxFake } from '@switchyard/testing/fakes/cinnox';
import { failureOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { cinnoxApp } from './index.ts';

let fake: CinnoxFake;
let perform: ConnectorTestbed['perform'];
useConnectorTestbed(
  () => startConnectorTestbed(cinnoxApp, startCinnoxFake, (started) => ({ appId: started.appId, appToken: started.token, baseUrl: started.origin })),
  (bed) => ({ fake, perform } = bed),
);

const failing = (key: string, input: unknown) => failureOf(perform(key, input));

describe('add_external_contact', () => {
  test('POSTs the documented body, lists built from the single fields, and returns the new id', async () => {
    const result = await perform('add_external_contact', {
      firstName: 'Chan',
      lastName: 'Tai Man',
      level: 'Primary',
      type: 'Customer',
      phoneType: 'Work',
      phoneNumber: '+85221234567',
      email: 'taiman@example.com',
      company: 'Example Ltd',
      jobTitle: 'Buyer',
      team: 'Key accounts',
      group: 'VIP',
      language: 'en',
      birthDate: '31/01/1990',
      street: '1 Queen’s Road',
      city: 'Hong Kong',
      country: 'HK',
      socialMessagingType: 'WhatsApp',
      socialMessagingId: '85291234567',
    });
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: 'management/create_externalcontact' });
    expect(request?.body).toEqual({
      firstName: 'Chan',
      lastName: 'Tai Man',
      level: 'Primary',
      type: 'Customer',
      phones: [{ type: 'Work', phone: '+85221234567' }],
      emails: [{ type: 'Work', email: 'taiman@example.com' }],
      company: 'Example Ltd',
      jobTitle: 'Buyer',
      team: 'Key accounts',
      group: 'VIP',
      language: 'en',
      birthDate: '31/01/1990',
      addresses: [{ street: '1 Queen’s Road', city: 'Hong Kong', country: 'HK' }],
      socialContacts: [{ key: 'WhatsApp', id: '85291234567' }],
    });
    const id = (result.output as { id: string }).id;
    expect(id).toMatch(/^ext_/);
    expect(fake.records('externalContacts').find((c) => c.id === id)).toMatchObject({
      firstName: 'Chan',
      workPhone: '+85221234567',
      companyName: 'Example Ltd',
      customerType: 'Customer',
    });
  });

  test('fields a template left blank are not sent, and the phone type defaults to Mobile', async () => {
    await perform('add_external_contact', { firstName: 'Lee', lastName: '', level: '', phoneNumber: '+85291110000', email: '', birthDate: '' });
    expect(fake.requests.at(-1)?.body).toEqual({ firstName: 'Lee', phones: [{ type: 'Mobile', phone: '+85291110000' }] });
  });

  test('a birth date in another format is refused before any request', async () => {
    const before = fake.requests.length;
    const failure = await failing('add_external_contact', { firstName: 'Lee', birthDate: '1990-01-31' });
    expect(failure.message).toContain('birthDate: Use DD/MM/YYYY');
    expect(fake.requests.length).toBe(before);
  });
});

describe('update_external_contact', () => {
  test('PUTs only the given fields to update_externalcontact/{id}', async () => {
    const contact = fake.seedExternalContact({ firstName: 'Wong', lastName: 'Ka Yan', companyName: 'Old Co' });
    const result = await perform('update_external_contact', { contactId: contact.id, company: 'New Co', jobTitle: 'Director' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `management/update_externalcontact/${String(contact.id)}`,
      body: { company: 'New Co', jobTitle: 'Director' },
    });
    expect(result.output).toEqual({ id: contact.id });
    expect(fake.records('externalContacts').find((c) => c.id === contact.id)).toMatchObject({ firstName: 'Wong', companyName: 'New Co', jobTitle: 'Director' });
  });

  test('an unknown contact fails permanently with CINNOX’s message', async () => {
    const failure = await failing('update_external_contact', { contactId: 'ext_missing', company: 'X' });
    expect(failure.message).toContain('Contact not found (CINNOX code 6451000)');
    expect(failure.transient).toBe(false);
  });
});

describe('get_external_contact_by_full_name', () => {
  test('pages through the list until the exact full name, ignoring case and spacing', async () => {
    for (let i = 0; i < 130; i++) fake.seedExternalContact({ firstName: 'Ho', lastName: `Siu Ming ${i}` });
    const target = fake.seedExternalContact({ firstName: 'Ho', lastName: 'Siu Ming', email: 'siuming@example.com' });
    const before = fake.requests.length;
    const result = await perform('get_external_contact_by_full_name', { fullName: '  ho   SIU ming ' });
    expect(result.output).toMatchObject({ id: target.id, email: 'siuming@example.com' });
    const lists = fake.requests.slice(before);
    expect(lists.map((r) => [r.path, r.query.offset, r.query.limit])).toEqual([
      ['contacts/extcontact-list', '0', '100'],
      ['contacts/extcontact-list', '100', '100'],
    ]);
    expect(lists[0]?.query.fullName).toBe('ho SIU ming');
  });

  test('no such contact is a clear, permanent failure', async () => {
    const failure = await failing('get_external_contact_by_full_name', { fullName: 'Nobody Here' });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false });
    expect(failure.message).toBe('CINNOX has no external contact named “Nobody Here”.');
  });
});

describe('get_enquiry_by_display_case_number', () => {
  const DAY = 86_400_000;
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

  test('without a period, asks the report for the last 90 days (the report needs startAt and endAt) and returns the case with enquiryID', async () => {
    const enquiry = fake.seedEnquiry({ displayCaseNumber: '100245', status: 'closed', channel: 'WHATSAPP', createdAt: daysAgo(10) });
    fake.seedEnquiry({ displayCaseNumber: '100246', createdAt: daysAgo(9) });
    const before = Date.now();
    const result = await perform('get_enquiry_by_display_case_number', { displayCaseNumber: 100245 });
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ method: 'GET', path: 'data/enquiry-detail', query: { displayCaseNumber: '100245', offset: '0', limit: '100' } });
    const { startAt = '', endAt = '' } = request?.query ?? {};
    expect(endAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(endAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(endAt) - Date.parse(startAt)).toBe(90 * DAY);
    expect(result.output).toMatchObject({ enquiryID: enquiry._id, displayCaseNumber: '100245', status: 'closed', channel: 'WHATSAPP' });
  });

  test('pages through the period until the case turns up', async () => {
    for (let i = 0; i < 230; i++) fake.seedEnquiry({ displayCaseNumber: `3${String(i).padStart(5, '0')}`, createdAt: '2024-03-10T00:00:00.000Z' });
    const target = fake.seedEnquiry({ displayCaseNumber: '399999', createdAt: '2024-03-11T00:00:00.000Z' });
    const before = fake.requests.length;
    const result = await perform('get_enquiry_by_display_case_number', {
      displayCaseNumber: '399999',
      startAt: '2024-03-01T00:00:00Z',
      endAt: '2024-04-01T00:00:00Z',
    });
    expect(fake.requests.slice(before).map((r) => [r.query.startAt, r.query.endAt, r.query.offset, r.query.limit])).toEqual([
      ['2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z', '0', '100'],
      ['2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z', '100', '100'],
      ['2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z', '200', '100'],
    ]);
    expect(result.output).toMatchObject({ enquiryID: target._id, displayCaseNumber: '399999' });
  });

  test('“Days back” sets how far before “To” (or now) the period starts', async () => {
    await failing('get_enquiry_by_display_case_number', { displayCaseNumber: '1', endAt: '2025-02-01T00:00:00Z', periodDays: 7 });
    expect(fake.requests.at(-1)?.query).toMatchObject({ startAt: '2025-01-25T00:00:00.000Z', endAt: '2025-02-01T00:00:00Z' });
    await failing('get_enquiry_by_display_case_number', { displayCaseNumber: '1', startAt: '2025-01-01T00:00:00Z' });
    const { startAt, endAt = '' } = fake.requests.at(-1)?.query ?? {};
    expect(startAt).toBe('2025-01-01T00:00:00Z');
    expect(Date.now() - Date.parse(endAt)).toBeLessThan(60_000);
  });

  test('a case outside the period, or none at all, fails as not found and names the period searched', async () => {
    fake.seedEnquiry({ displayCaseNumber: '100300', createdAt: '2020-01-05T00:00:00.000Z' });
    const old = await failing('get_enquiry_by_display_case_number', { displayCaseNumber: '100300' });
    expect(old).toMatchObject({ code: 'NOT_FOUND', transient: false });
    expect(old.message).toMatch(/^CINNOX has no enquiry with display case number 100300 created between \S+ and \S+ \(the last 90 days\)/);
    const failure = await failing('get_enquiry_by_display_case_number', {
      displayCaseNumber: '999',
      startAt: '2025-01-01T00:00:00Z',
      endAt: '2025-02-01T00:00:00Z',
    });
    expect(fake.requests.at(-1)?.query).toMatchObject({ startAt: '2025-01-01T00:00:00Z', endAt: '2025-02-01T00:00:00Z' });
    expect(failure.message).toBe(
      'CINNOX has no enquiry with display case number 999 created between 2025-01-01T00:00:00Z and 2025-02-01T00:00:00Z. Set “From” and “To” to search another period.',
    );
  });

  test('a period with more enquiries than the action reads through is refused with a request to narrow it', async () => {
    for (let i = 0; i < 5001; i++) fake.seedEnquiry({ displayCaseNumber: `5${String(i).padStart(5, '0')}`, createdAt: '2023-06-15T00:00:00.000Z' });
    const before = fake.requests.length;
    const failure = await failing('get_enquiry_by_display_case_number', {
      displayCaseNumber: '777777',
      startAt: '2023-06-01T00:00:00Z',
      endAt: '2023-07-01T00:00:00Z',
    });
    expect(fake.requests.length - before).toBe(50);
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', transient: false });
    expect(failure.message).toBe(
      'CINNOX’s enquiry report has more than 5000 enquiries created between 2023-06-01T00:00:00Z and 2023-07-01T00:00:00Z and none of the first 5000 has display case number 777777: narrow the period with “From” and “To”.',
    );
  });

  test('a “To” that is not a date is refused before any request when the period is counted back from it', async () => {
    const before = fake.requests.length;
    const failure = await failing('get_enquiry_by_display_case_number', { displayCaseNumber: '1', endAt: 'yesterday' });
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', transient: false });
    expect(failure.message).toContain('“To” (yesterday) is not a date');
    expect(fake.requests.length).toBe(before);
  });
});

describe('get_number_list', () => {
  test('lists up to 500 numbers', async () => {
    fake.seedNumber({ number: '+85230010001', type: 'Service Number' });
    fake.seedNumber({ number: 'ACME', type: 'Alphanumeric Sender ID' });
    const result = await perform('get_number_list', {});
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: 'number-list', query: { offset: '0', limit: '500' } });
    expect(result.output).toMatchObject({ count: 2, total: 2, numbers: [{ number: '+85230010001' }, { number: 'ACME' }] });
  });
});

describe('send_sms', () => {
  test('POSTs sender, recipients (from a comma-separated list) and text, and returns the transaction', async () => {
    fake.seedNumber({ number: '+85230011234' });
    const result = await perform('send_sms', { senderNumber: '+85230011234', recipientNumbers: '+85291234567, +85261234567', text: 'Your order shipped' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'send_sms',
      body: { senderNumber: '+85230011234', recipientNumbers: ['+85291234567', '+85261234567'], text: 'Your order shipped' },
    });
    expect(result.output).toMatchObject({ serviceID: fake.serviceId, status: 'Submitted', transactionID: expect.stringMatching(/^txn_/) });
  });

  test('a malformed recipient is refused before any request', async () => {
    const failure = await failing('send_sms', { senderNumber: '+85230011234', recipientNumbers: '91234567', text: 'x' });
    expect(failure.message).toContain('use the international format');
  });
});

describe('instant messages', () => {
  test('send_im_to_staff pushes a text message into the room, to the staff member as receiverEID', async () => {
    fake.seedRoom('room_direct_1');
    const result = await perform('send_im_to_staff', { roomID: 'room_direct_1', staffEID: 'eid_amy', text: 'New VIP enquiry 100245', senderEID: 'eid_bot' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'message-push',
      body: { roomID: 'room_direct_1', receiverEID: 'eid_amy', senderEID: 'eid_bot', messages: [{ type: 'text', text: 'New VIP enquiry 100245' }] },
    });
    expect(result.output).toMatchObject({ roomID: 'room_direct_1' });
  });

  test('send_im_to_group_room pushes to the whole room, without a receiver', async () => {
    fake.seedRoom('room_team_sales');
    await perform('send_im_to_group_room', { roomID: 'room_team_sales', text: 'Daily report is ready' });
    const request = fake.requests.at(-1);
    expect(request?.body).toEqual({ roomID: 'room_team_sales', messages: [{ type: 'text', text: 'Daily report is ready' }] });
    expect(fake.records('messages').at(-1)).toMatchObject({ roomID: 'room_team_sales' });
  });

  test('an unknown room fails with CINNOX’s “Destination not found”', async () => {
    const failure = await failing('send_im_to_group_room', { roomID: 'room_nowhere', text: 'hello' });
    expect(failure.message).toContain('Destination not found (CINNOX code 3000205)');
  });

  test('a message over 5000 characters is refused before any request', async () => {
    const failure = await failing('send_im_to_group_room', { roomID: 'room_team_sales', text: 'x'.repeat(5001) });
    expect(failure.code).toBe('INVALID_INPUT');
  });
});
