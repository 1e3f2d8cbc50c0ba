import { describe, expect, it } from 'vitest';
import { NAV, selectedNavKey, visibleNav } from './nav';

describe('navigation', () => {
  it('hides the admin area from a member without admin permissions', () => {
    const items = visibleNav(NAV, (p) => p === 'member.view');
    expect(items.map((i) => i.key)).toEqual(['messages', 'directory']);
  });

  it('shows messages to every member, without any permission', () => {
    expect(visibleNav(NAV, () => false).map((i) => i.key)).toEqual(['messages']);
  });

  it('shows only the admin pages the member may open', () => {
    const items = visibleNav(NAV, (p) => p === 'member.view' || p === 'audit.view');
    expect(items.find((i) => i.key === 'admin')?.children?.map((c) => c.key)).toEqual(['audit']);
  });

  it('shows 保留与保全 right after 会话存档, only to members who manage the archive', () => {
    const admin = (holds: (p: string) => boolean) =>
      visibleNav(NAV, holds)
        .find((i) => i.key === 'admin')
        ?.children?.map((c) => c.key) ?? [];
    const managed = admin((p) => p === 'archive.manage');
    expect(managed.indexOf('retention')).toBe(managed.indexOf('archive') + 1);
    expect(admin((p) => p === 'archive.view')).not.toContain('retention');
  });

  it('selects the entry for nested paths', () => {
    expect(selectedNavKey(NAV, '/directory/members/42')).toBe('directory');
    expect(selectedNavKey(NAV, '/admin/audit')).toBe('audit');
    expect(selectedNavKey(NAV, '/messages/c1')).toBe('messages');
    expect(selectedNavKey(NAV, '/account')).toBeUndefined();
  });
});
