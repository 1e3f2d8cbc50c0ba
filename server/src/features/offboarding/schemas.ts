/** Schemas of the offboarding route: who takes over, and the handover report. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj } from '../../http/schema-helpers.js';

const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const OffboardBody = Obj({
  successorId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'Takes over the groups the member owns and every customer not given to someone else',
    }),
  ),
  distribution: Type.Optional(
    Type.Array(
      Obj({ memberId: Id, customerIds: Type.Array(Id, { minItems: 1, maxItems: 10_000, uniqueItems: true }) }),
      { maxItems: 50, description: 'Named customers to named members' },
    ),
  ),
  spreadOver: Type.Optional(
    Type.Array(Id, {
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      description: 'The customers not given to someone else, spread evenly over these members',
    }),
  ),
  departedOn: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; today by default' }),
  ),
});
export type OffboardInput = Static<typeof OffboardBody>;

export const OffboardReport = Type.Object({
  member: Person,
  departedAt: Type.String(),
  signIn: Type.Object({ disabled: Type.Boolean(), sessionsRevoked: Type.Integer() }),
  groups: Type.Object({
    owned: Type.Integer({ description: 'Active groups the member owned, handed over right after this request' }),
    successor: Type.Union([Person, Type.Null()], {
      description: 'Null: each group goes to its longest-serving admin, else its longest-serving member',
    }),
  }),
  todos: Type.Object({
    open: Type.Integer({
      description:
        'Open to-dos assigned to the member, handed over right after this request in each conversation: to the successor when in it, else to who assigned it, else to the group’s owner',
    }),
  }),
  customers: Type.Object({
    batchId: Type.String({ description: 'List the transfers with GET /api/v1/customer-transfers?batchId=' }),
    total: Type.Integer(),
    followUps: Type.Integer({ description: 'Open follow-ups (a next date ahead) moved with the customers' }),
    waitingCancelled: Type.Integer({ description: 'On-the-job transfers from or to the member that were waiting' }),
  }),
  successors: Type.Array(Type.Object({ member: Person, customers: Type.Integer(), followUps: Type.Integer() })),
});
export type OffboardReportOut = Static<typeof OffboardReport>;
