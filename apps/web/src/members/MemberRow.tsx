// One member in the members table: their role (changeable by owners and admins) and a remove button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../auth/session.ts';
import { Button } from '../ui/Button.tsx';
import { SelectField } from '../ui/Field.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { assignableRoles, canManageMember, isRole, ROLE_LABELS, type Role } from '../workspaces/roles.ts';
import { changeMemberRole, membersKey, type Member } from './api.ts';

export function MemberRow({ member, onRemove }: { member: Member; onRemove: (member: Member) => void }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const isYou = member.userId === workspace.user.id;
  const manageable = canManageMember(workspace.role, member.role);
  // Anyone may leave a workspace; removing someone else takes an owner or admin.
  const removable = isYou || manageable;
  const roles = assignableRoles(workspace.role);

  const change = useMutation({
    mutationFn: (role: Role) => changeMemberRole(workspace.id, member.userId, role),
    // Stay pending until the list shows the new role, so the picker never flips back in between.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersKey(workspace.id) }),
        isYou ? queryClient.invalidateQueries({ queryKey: sessionKey }) : null,
      ]),
  });
  const shownRole = change.isPending ? change.variables : member.role;

  return (
    <tr>
      <td data-label="Member">
        <span className="member-email">{member.email}</span>
        {isYou && <span className="badge badge-muted">You</span>}
      </td>
      <td data-label="Role">
        {manageable ? (
          <SelectField
            label={`Role of ${member.email}`}
            hideLabel
            className="field-compact"
            value={shownRole}
            aria-busy={change.isPending || undefined}
            onChange={(event) => {
              if (isRole(event.target.value) && event.target.value !== member.role) change.mutate(event.target.value);
            }}
            error={change.isError ? `Could not change the role: ${change.error.message}` : undefined}
            hint={change.isPending ? 'Saving…' : undefined}
          >
            {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
        ) : (
          <span className={`badge badge-role-${member.role}`}>{ROLE_LABELS[member.role] ?? member.role}</span>
        )}
      </td>
      <td data-label="Added">
        <Time value={member.createdAt} />
      </td>
      <td className="cell-actions">
        <Button
          size="sm"
          variant="ghost"
          className="btn-danger-text"
          disabled={!removable}
          onClick={() => onRemove(member)}
          aria-label={isYou ? 'Leave this workspace' : `Remove ${member.email}`}
        >
          {isYou ? 'Leave' : 'Remove'}
        </Button>
      </td>
    </tr>
  );
}
