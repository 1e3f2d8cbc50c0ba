import { AUDIT_ACTIONS, DATA_SCOPES, PERMISSIONS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { adminMessages } from './i18n';

/** The text at a dotted path, the way i18next resolves nested keys. */
function at(messages: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
}

describe.each(['zh-CN', 'en'] as const)('admin translations (%s)', (lang) => {
  const messages = adminMessages[lang];

  it('translates every audit action', () => {
    const missing = AUDIT_ACTIONS.filter((a) => typeof at(messages.auditAction, a) !== 'string');
    expect(missing).toEqual([]);
  });

  it('names and describes every permission', () => {
    const missing = PERMISSIONS.filter(
      (p) =>
        typeof at(messages.permission, `${p}.name`) !== 'string' ||
        typeof at(messages.permission, `${p}.desc`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('names and explains every data scope', () => {
    for (const s of DATA_SCOPES) {
      expect(typeof at(messages.scope, `${s}.name`)).toBe('string');
      expect(typeof at(messages.scope, `${s}.desc`)).toBe('string');
    }
  });
});

describe('audit action texts', () => {
  it('match the agreed Chinese names', () => {
    const zh = adminMessages['zh-CN'];
    expect(at(zh.auditAction, 'auth.login')).toBe('登录成功');
    expect(at(zh.auditAction, 'auth.login_failed')).toBe('登录失败');
    expect(at(zh.auditAction, 'authz.denied')).toBe('越权访问被拒绝');
    expect(at(zh.auditAction, 'member.created')).toBe('新增成员');
  });
});
