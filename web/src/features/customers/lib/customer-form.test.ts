import { describe, expect, it } from 'vitest';
import type { CustomerDetail, Field } from '../api';
import { changedFields, toCreateBody, toFormValues } from './customer-form';

const budget: Field = { id: 'f1', name: '预算', type: 'number', options: [], required: false, sortOrder: 0 };
const product: Field = { id: 'f2', name: '产品', type: 'select', options: ['打印机'], required: false, sortOrder: 1 };

const customer = {
  id: 'c1',
  name: '张伟',
  namePinyin: 'zhang wei',
  company: null,
  title: null,
  mobile: '138****5678',
  email: null,
  contactMasked: true,
  gender: 'unknown',
  region: null,
  source: 'manual',
  remark: null,
  owner: { id: 'm1', name: '小王' },
  stage: null,
  tags: [{ id: 't1', name: '展会', groupId: 'g1', groupName: '来源', personal: false }],
  followerIds: [],
  customFields: { f1: 5 },
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
  restorableUntil: null,
  followers: [],
  createdBy: null,
  stageHistory: [],
} as CustomerDetail;

describe('customer form', () => {
  it('leaves blanks out of a new customer and keeps numbers as numbers', () => {
    expect(
      toCreateBody(
        { name: ' 李娜 ', company: ' ', mobile: '13800001111', gender: 'unknown', custom: { f1: '12.5', f2: '' } },
        [budget, product],
      ),
    ).toEqual({ name: '李娜', mobile: '13800001111', customFields: { f1: 12.5 } });
  });

  it('sends nothing when nothing changed, even though the mobile shown is masked', () => {
    expect(changedFields(customer, toFormValues(customer), [budget, product])).toEqual({});
  });

  it('sends only the changed fields, clearing a custom field with null', () => {
    const values = { ...toFormValues(customer), company: '华联', tagIds: [], custom: { f1: undefined, f2: '打印机' } };
    expect(changedFields(customer, values, [budget, product])).toEqual({
      company: '华联',
      tagIds: [],
      customFields: { f1: null, f2: '打印机' },
    });
  });
});
