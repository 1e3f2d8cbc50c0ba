import { PERMISSIONS, SENSITIVE_PERMISSIONS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { canGrant, groupingProblems, isSensitive, PERMISSION_GROUPS, sortPermissions } from './permission-groups';

describe('permission groups', () => {
  it('shows every protocol permission exactly once', () => {
    expect(groupingProblems()).toEqual({ missing: [], duplicated: [], unknown: [] });
    const shown = PERMISSION_GROUPS.flatMap((g) => g.permissions);
    expect([...shown].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('reports missing, duplicated and unknown permissions', () => {
    const problems = groupingProblems([
      { area: 'directory', permissions: ['member.view', 'member.view'] },
      { area: 'security', permissions: ['nope.x' as never] },
    ]);
    expect(problems.missing).toContain('member.manage');
    expect(problems.duplicated).toEqual(['member.view']);
    expect(problems.unknown).toEqual(['nope.x']);
  });

  it('marks the protocol’s sensitive permissions', () => {
    for (const p of PERMISSIONS) expect(isSensitive(p)).toBe(SENSITIVE_PERMISSIONS.includes(p));
  });

  it('allows granting only within the granter’s own scope', () => {
    const held = { 'member.view': 'department_tree', 'audit.view': 'org' };
    expect(canGrant(held, 'member.view', 'department')).toBe(true);
    expect(canGrant(held, 'member.view', 'department_tree')).toBe(true);
    expect(canGrant(held, 'member.view', 'org')).toBe(false);
    expect(canGrant(held, 'audit.view', 'org')).toBe(true);
    expect(canGrant(held, 'data.export', 'self')).toBe(false);
  });

  it('sorts a selection into protocol order', () => {
    expect(sortPermissions(['audit.view', 'member.view', 'x'])).toEqual(['member.view', 'audit.view']);
  });
});
