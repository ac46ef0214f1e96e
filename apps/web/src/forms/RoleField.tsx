// The "Role" picker of a form that gives a role (to a new member, to an API key), with what the chosen role may do.
import { SelectField } from '../ui/Field.tsx';
import { isRole, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../workspaces/roles.ts';

export function RoleField({
  roles,
  value,
  onChange,
  error,
}: {
  /** The roles to offer, in order. */
  roles: Role[];
  value: Role;
  onChange: (role: Role) => void;
  error: string | undefined;
}) {
  return (
    <SelectField
      label="Role"
      name="role"
      value={value}
      hint={ROLE_DESCRIPTIONS[value]}
      error={error}
      onChange={(event) => {
        if (isRole(event.target.value)) onChange(event.target.value);
      }}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </SelectField>
  );
}
