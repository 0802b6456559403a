import type { Role, Source } from '../lib/dataset/types';
import EvidenceToggle from './EvidenceToggle';
import OutletBadge from './OutletBadge';

/** Props of {@link RoleList}. */
export interface RoleListProps {
  /** Roles as each source states them. */
  roles: readonly Role[];
  /** Finds a source by id. */
  sourceOf: (id: string) => Source | undefined;
}

interface RoleGroup {
  title: string;
  statements: Role[];
}

/** Groups roles with the same title (ignoring case) so agreeing outlets share one line. */
function groupRoles(roles: readonly Role[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const role of roles) {
    const key = role.title.trim().toLocaleLowerCase('en');
    const group = groups.get(key) ?? { title: role.title, statements: [] };
    group.statements.push(role);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Each role with the outlets that state it, their dates, and the evidence on demand. */
export default function RoleList({ roles, sourceOf }: RoleListProps) {
  return (
    <ul class="role-list">
      {groupRoles(roles).map((group) => (
        <li key={group.title} class="role">
          <span class="role-title" dir="auto">
            {group.title}
          </span>
          <ul class="role-statements">
            {group.statements.map((role, index) => (
              <li key={`${role.sourceId}-${index}`} class="role-statement">
                <OutletBadge source={sourceOf(role.sourceId)} withDate />
                <EvidenceToggle evidence={role.evidence} source={sourceOf(role.sourceId)} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
