/**
 * The consent register for compliance staff (archive.view or archive.manage, within the data
 * scope of the wider of the two): every active member with their acceptance of the notice in
 * force (accepted, outdated = an older version, pending) and every external participant with
 * their answer (agreed, declined, not asked). A participant is in scope when a colleague of
 * their group is.
 */
import { type Permission, SCOPE_RANK } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, type Reach, reachOf, scopeOf } from '../../../authz/may.js';
import { forbidden } from '../../../platform/errors.js';
import { currentNotice } from './notice.js';

export const CONSENT_LIST_STATUSES = ['accepted', 'outdated', 'pending', 'agreed', 'declined', 'not_asked'] as const;
export type ConsentListStatus = (typeof CONSENT_LIST_STATUSES)[number];

export type ConsentListInput = {
  status?: ConsentListStatus | undefined;
  kind?: 'member' | 'guest' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

export type ConsentListItem = {
  subject: { id: string; name: string; kind: 'member' | 'guest' };
  conversation: { id: string; name: string | null } | null;
  status: ConsentListStatus;
  noticeVersion: number | null;
  at: string | null;
};

export type ConsentList = { items: ConsentListItem[]; total: number; noticeVersion: number };

/** The wider reach of archive.view and archive.manage; refuses (and audits) when neither is held. */
async function consentReach(ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>, actor: Actor): Promise<Reach> {
  const view = scopeOf(actor, 'archive.view');
  const manage = scopeOf(actor, 'archive.manage');
  if (!view && !manage) await assertMay(ctx, actor, 'archive.view');
  const wider: Permission =
    manage && (!view || SCOPE_RANK[manage] > SCOPE_RANK[view]) ? 'archive.manage' : 'archive.view';
  const reach = await reachOf(ctx, actor, wider);
  if (!reach) throw forbidden();
  return reach;
}

function listStatus(
  row: { kind: string; status: string | null; notice_version: number | null },
  version: number,
): ConsentListStatus {
  if (row.kind === 'guest') return row.status === 'agreed' || row.status === 'declined' ? row.status : 'not_asked';
  if (row.status !== 'accepted') return 'pending';
  return Number(row.notice_version) === version ? 'accepted' : 'outdated';
}

export async function listConsents(ctx: Ctx, actor: Actor, input: ConsentListInput): Promise<ConsentList> {
  const reach = await consentReach(ctx, actor);
  const version = (await currentNotice(ctx.db, actor.orgId)).version;
  const departments = reach.all ? [] : [...reach.departmentIds];
  const selfId = reach.all ? '' : reach.selfId;
  const { status, kind } = input;
  const base = () =>
    ctx.db
      .selectFrom('members as m')
      .leftJoin('archive_consent_status as s', 's.subject_id', 'm.id')
      .leftJoin('guest_identities as g', 'g.member_id', 'm.id')
      .leftJoin('conversations as c', 'c.id', 'g.conversation_id')
      .where('m.org_id', '=', actor.orgId)
      .where('m.status', '=', 'active')
      .$if(kind !== undefined, (q) => q.where('m.kind', '=', kind === 'guest' ? 'guest' : 'staff'))
      .$if(status !== undefined, (q) =>
        q.where((eb) => {
          const staff = eb('m.kind', '=', 'staff');
          const guest = eb('m.kind', '=', 'guest');
          switch (status) {
            case 'accepted':
              return eb.and([staff, eb('s.status', '=', 'accepted'), eb('s.notice_version', '=', version)]);
            case 'outdated':
              return eb.and([staff, eb('s.status', '=', 'accepted'), eb('s.notice_version', '<', version)]);
            case 'pending':
              return eb.and([staff, eb('s.subject_id', 'is', null)]);
            case 'not_asked':
              return eb.and([guest, eb('s.subject_id', 'is', null)]);
            default:
              return eb.and([guest, eb('s.status', '=', status ?? '')]);
          }
        }),
      )
      .$if(!reach.all, (q) =>
        q.where((eb) => {
          const staffIn =
            departments.length === 0
              ? eb('m.id', '=', selfId)
              : eb.or([
                  eb('m.id', '=', selfId),
                  eb.exists(
                    eb
                      .selectFrom('member_departments as md')
                      .select('md.member_id')
                      .whereRef('md.member_id', '=', 'm.id')
                      .where('md.department_id', 'in', departments),
                  ),
                ]);
          const colleagues = eb
            .selectFrom('conversation_members as cm')
            .innerJoin('member_departments as md', 'md.member_id', 'cm.member_id')
            .select('cm.member_id')
            .whereRef('cm.conversation_id', '=', 'g.conversation_id');
          const guestIn = eb.exists(
            departments.length === 0
              ? colleagues.where('cm.member_id', '=', selfId)
              : colleagues.where((inner) =>
                  inner.or([inner('cm.member_id', '=', selfId), inner('md.department_id', 'in', departments)]),
                ),
          );
          return eb.or([eb.and([eb('m.kind', '=', 'staff'), staffIn]), eb.and([eb('m.kind', '=', 'guest'), guestIn])]);
        }),
      );
  const counted = await base()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  const rows = await base()
    .select([
      'm.id',
      'm.name',
      'm.kind',
      's.status',
      's.notice_version',
      's.at',
      'g.conversation_id',
      'c.name as conversation_name',
    ])
    .orderBy('m.kind', 'desc')
    .orderBy('m.id')
    .limit(input.limit ?? 50)
    .offset(input.offset ?? 0)
    .execute();
  return {
    total: Number(counted?.n ?? 0),
    noticeVersion: version,
    items: rows.map((r) => ({
      subject: { id: r.id, name: r.name, kind: r.kind === 'guest' ? 'guest' : 'member' },
      conversation: r.conversation_id ? { id: r.conversation_id, name: r.conversation_name } : null,
      status: listStatus(r, version),
      noticeVersion: r.notice_version === null ? null : Number(r.notice_version),
      at: r.at,
    })),
  };
}
