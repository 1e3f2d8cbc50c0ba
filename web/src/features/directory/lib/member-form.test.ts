import { describe, expect, it } from 'vitest';
import { changedFields, toFormValues, toMemberBody } from './member-form';

const member = {
  name: '林晓雯',
  mobile: '13920260037',
  email: 'lin@example.com',
  title: null,
  primaryDepartmentId: 'hq',
  departmentIds: ['hq', 'east'],
  supervisorId: 'boss',
  joinedOn: '2024-01-02',
};

describe('toMemberBody', () => {
  it('turns blanks into null and keeps the primary first without duplicates', () => {
    expect(
      toMemberBody({
        name: ' 张三 ',
        mobile: '',
        email: ' ',
        primaryDepartmentId: 'a',
        extraDepartmentIds: ['b', 'a'],
      }),
    ).toEqual({
      name: '张三',
      mobile: null,
      email: null,
      title: null,
      primaryDepartmentId: 'a',
      departmentIds: ['a', 'b'],
      supervisorId: null,
      joinedOn: null,
    });
  });
});

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    expect(changedFields(member, toFormValues(member))).toEqual({});
  });

  it('sends only what changed', () => {
    const values = { ...toFormValues(member), title: '店长', mobile: '' };
    expect(changedFields(member, values)).toEqual({ title: '店长', mobile: null });
  });

  it('sends the departments when the primary or the extras change', () => {
    expect(changedFields(member, { ...toFormValues(member), extraDepartmentIds: [] })).toEqual({
      departmentIds: ['hq'],
    });
    expect(changedFields(member, { ...toFormValues(member), primaryDepartmentId: 'east' })).toEqual({
      primaryDepartmentId: 'east',
      departmentIds: ['east'],
    });
  });

  it('clears the supervisor', () => {
    expect(changedFields(member, { ...toFormValues(member), supervisorId: undefined })).toEqual({
      supervisorId: null,
    });
  });
});
