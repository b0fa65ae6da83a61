/**
 * Security roles PACT Rep, PACT Manager and PACT Executive: exactly the privileges PACT needs, on top
 * of Microsoft's Basic User role (which gives the app, forms, views and user settings every user
 * needs). Depths: Basic = own records, Local = the business unit, Global = the organisation.
 * - Reps create high cards and plans, read those of their business unit (the accounts they work),
 *   and read coaching notes only where they own one or one is shared with them.
 * - Managers also write coaching notes (own them, share each with its rep) and update follow-ups.
 * - Executives read every high card and plan; no coaching-note privilege at all.
 * No role reads coaching notes beyond Basic depth, so nobody reads another person's notes.
 */
import { COACHING_NOTE, HIGH_CARD, PLAN } from '../../../scripts/lib/dataverse/schema';
import { stableId } from './xml';

export type Depth = 'Basic' | 'Local' | 'Deep' | 'Global';
type Access = 'Create' | 'Read' | 'Write' | 'Delete' | 'Append' | 'AppendTo' | 'Assign' | 'Share';

export interface Role {
    id: string;
    name: string;
    privileges: { table: string; access: Access; depth: Depth }[];
}

/** Privilege names are prv + access + the table's schema name (User for systemuser). */
const SCHEMA_NAME: Record<string, string> = { account: 'Account', contact: 'Contact', systemuser: 'User' };
export const privilegeName = (access: Access, table: string): string => `prv${access}${SCHEMA_NAME[table] ?? table}`;

const grant = (table: string, depth: Depth, ...access: Access[]) => access.map((a) => ({ table, access: a, depth }));

const REP_BASE = [
    ...grant('account', 'Local', 'Read', 'AppendTo'),
    ...grant('contact', 'Local', 'Read', 'AppendTo'),
    ...grant('systemuser', 'Local', 'Read', 'AppendTo'),
    ...grant(HIGH_CARD.name, 'Basic', 'Create', 'Write', 'Append'),
    ...grant(HIGH_CARD.name, 'Local', 'Read'),
    ...grant(PLAN.name, 'Basic', 'Create', 'Write', 'Append'),
    ...grant(PLAN.name, 'Local', 'Read', 'AppendTo')
];

export const ROLES: Role[] = [
    {
        id: stableId('role:rep'),
        name: 'PACT Rep',
        privileges: [...REP_BASE, ...grant(COACHING_NOTE.name, 'Basic', 'Read')]
    },
    {
        id: stableId('role:manager'),
        name: 'PACT Manager',
        privileges: [
            ...REP_BASE.filter((p) => !(p.table === HIGH_CARD.name && p.access === 'Write')),
            // Follow-ups (who acts, by when, status) on the team's cards.
            ...grant(HIGH_CARD.name, 'Local', 'Write'),
            ...grant(COACHING_NOTE.name, 'Basic', 'Create', 'Read', 'Write', 'Append', 'Share')
        ]
    },
    {
        id: stableId('role:executive'),
        name: 'PACT Executive',
        privileges: [
            ...grant('account', 'Global', 'Read'),
            ...grant('contact', 'Global', 'Read'),
            ...grant('systemuser', 'Global', 'Read'),
            ...grant(HIGH_CARD.name, 'Global', 'Read'),
            ...grant(PLAN.name, 'Global', 'Read')
        ]
    }
];

export function roleXml(role: Role): string {
    // isinherited="1": the user's own access levels plus their teams' (the default for a new role).
    return `<Role id="${role.id}" name="${role.name}" isinherited="1">
  <IsCustomizable>1</IsCustomizable>
  <RolePrivileges>
${role.privileges.map((p) => `    <RolePrivilege name="${privilegeName(p.access, p.table)}" level="${p.depth}" />`).join('\n')}
  </RolePrivileges>
</Role>`;
}
