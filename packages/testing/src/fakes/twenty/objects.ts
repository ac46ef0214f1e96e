// The fake Twenty's object metadata: the standard objects, custom ones a test adds, and the defaults a new record gets.

export interface TwentyObject {
  id: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description: string | null;
  icon: string | null;
  isCustom: boolean;
  isActive: boolean;
  isSystem: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A custom object a test adds, e.g. `{ nameSingular: 'pet', namePlural: 'pets' }`. */
export interface CustomObjectOptions {
  nameSingular: string;
  namePlural: string;
  labelSingular?: string;
  labelPlural?: string;
}

const metadataTime = '2024-01-01T00:00:00.000Z';

function objectId(index: number): string {
  return `0b1ec700-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function metadata(index: number, nameSingular: string, namePlural: string, extra: Partial<TwentyObject> = {}): TwentyObject {
  return {
    id: objectId(index),
    nameSingular,
    namePlural,
    labelSingular: capitalized(nameSingular),
    labelPlural: capitalized(namePlural),
    description: null,
    icon: null,
    isCustom: false,
    isActive: true,
    isSystem: false,
    createdAt: metadataTime,
    updatedAt: metadataTime,
    ...extra,
  };
}

export function objectCatalog(custom: readonly CustomObjectOptions[]): TwentyObject[] {
  const standard = [
    metadata(1, 'person', 'people', { labelSingular: 'Person', labelPlural: 'People', icon: 'IconUser' }),
    metadata(2, 'company', 'companies', { labelPlural: 'Companies', icon: 'IconBuildingSkyscraper' }),
    metadata(3, 'opportunity', 'opportunities', { labelPlural: 'Opportunities', icon: 'IconTargetArrow' }),
    metadata(4, 'note', 'notes', { icon: 'IconNotes' }),
    metadata(5, 'task', 'tasks', { icon: 'IconCheckbox' }),
    // System objects exist in metadata too; integrations usually hide them.
    metadata(6, 'workspaceMember', 'workspaceMembers', { labelSingular: 'Workspace Member', labelPlural: 'Workspace Members', isSystem: true }),
  ];
  return [
    ...standard,
    ...custom.map((object, index) =>
      metadata(100 + index, object.nameSingular, object.namePlural, {
        isCustom: true,
        ...(object.labelSingular ? { labelSingular: object.labelSingular } : {}),
        ...(object.labelPlural ? { labelPlural: object.labelPlural } : {}),
      }),
    ),
  ];
}

const emptyLinks = { primaryLinkUrl: '', primaryLinkLabel: '', secondaryLinks: null };
const emptyCurrency = { amountMicros: null, currencyCode: '' };

/** What twenty-server fills in for fields a create leaves out (composite fields come back as objects, never null). */
const defaults: Record<string, () => Record<string, unknown>> = {
  person: () => ({
    name: { firstName: '', lastName: '' },
    emails: { primaryEmail: '', additionalEmails: null },
    phones: { primaryPhoneNumber: '', primaryPhoneCountryCode: '', primaryPhoneCallingCode: '', additionalPhones: null },
    linkedinLink: { ...emptyLinks },
    xLink: { ...emptyLinks },
    jobTitle: '',
    city: '',
    avatarUrl: '',
    companyId: null,
  }),
  company: () => ({
    name: '',
    domainName: { ...emptyLinks },
    employees: null,
    linkedinLink: { ...emptyLinks },
    xLink: { ...emptyLinks },
    annualRecurringRevenue: { ...emptyCurrency },
    address: {
      addressStreet1: '',
      addressStreet2: '',
      addressCity: '',
      addressState: '',
      addressPostcode: '',
      addressCountry: '',
      addressLat: null,
      addressLng: null,
    },
    idealCustomerProfile: false,
    accountOwnerId: null,
  }),
  opportunity: () => ({
    name: '',
    amount: { ...emptyCurrency },
    closeDate: null,
    stage: 'NEW',
    pointOfContactId: null,
    companyId: null,
  }),
  note: () => ({ title: '', bodyV2: { blocknote: null, markdown: null } }),
  task: () => ({ title: '', bodyV2: { blocknote: null, markdown: null }, dueAt: null, status: 'TODO', assigneeId: null }),
};

export function recordDefaults(nameSingular: string): Record<string, unknown> {
  return defaults[nameSingular]?.() ?? { name: '' };
}

/** How close two names are (edit distance), for Twenty's "Did you mean" on an unknown object. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
