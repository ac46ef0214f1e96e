// Members of the workspace: who has access and with which role; owners and admins manage them here.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../auth/session.ts';
import { navigate } from '../router.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ListTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Page } from '../ui/Page.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canManageMembers, roleWithArticle } from '../workspaces/roles.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { membersKey, removeMember, useMembers, type Member } from './api.ts';
import { MemberRow } from './MemberRow.tsx';

export function MembersPage() {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const members = useMembers(workspace.id);
  const canManage = canManageMembers(workspace.role);
  const [toRemove, setToRemove] = useState<Member | null>(null);

  const remove = useMutation({
    mutationFn: (member: Member) => removeMember(workspace.id, member.userId),
    onSuccess: async (_result, member) => {
      setToRemove(null);
      if (member.userId === workspace.user.id) {
        // Leaving: this workspace is no longer ours to show.
        await queryClient.invalidateQueries({ queryKey: sessionKey });
        navigate('/', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: membersKey(workspace.id) });
    },
  });

  const closeDialog = () => {
    setToRemove(null);
    remove.reset();
  };

  return (
    <Page title="Members" description={`People who can open ${workspace.name}, and what each may do.`}>
      {!canManage && (
        <p className="banner banner-info">
          You are {roleWithArticle(workspace.role)} here. Only owners and admins can add members, change roles or remove people.
        </p>
      )}
      <AddMemberForm disabled={!canManage} />

      <section className="card card-flush" aria-labelledby="members-title">
        <h2 id="members-title" className="card-title card-title-padded">
          People with access
        </h2>
        <ListTable
          list={members}
          loadingLabel="Loading members…"
          errorTitle="Could not load members"
          empty={
            <EmptyState title="No members yet">
              <p>Add people by the email address they sign in with.</p>
            </EmptyState>
          }
          columns={['Member', 'Role', 'Added']}
          actions
          row={(member) => <MemberRow key={member.userId} member={member} onRemove={setToRemove} />}
        />
      </section>

      {toRemove && (
        <ConfirmDialog
          title={toRemove.userId === workspace.user.id ? `Leave ${workspace.name}?` : `Remove ${toRemove.email}?`}
          confirmLabel={toRemove.userId === workspace.user.id ? 'Leave workspace' : 'Remove member'}
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(toRemove)}
          onCancel={closeDialog}
        >
          <p>
            {toRemove.userId === workspace.user.id
              ? 'You will lose access to this workspace and its zaps until someone adds you again.'
              : `${toRemove.email} will lose access to ${workspace.name} right away. You can add them again later.`}
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
