// "Updated company": each change to a company in Daktela, found by its `edited` time.
import { watchedAccounts } from '../accounts.ts';
import { recordTrigger } from '../record-triggers.ts';

export const updatedAccount = recordTrigger(watchedAccounts, {
  key: 'updated_account',
  name: 'Updated company',
  description: 'Triggers when a company is changed in Daktela, by its `edited` time (a new company counts as its first change).',
  time: 'edited',
});
