// "New company": each company created in Daktela, found by its `created` time.
import { watchedAccounts } from '../accounts.ts';
import { recordTrigger } from '../record-triggers.ts';

export const newAccount = recordTrigger(watchedAccounts, {
  key: 'new_account',
  name: 'New company',
  description: 'Triggers when a company is created in Daktela.',
  time: 'created',
});
