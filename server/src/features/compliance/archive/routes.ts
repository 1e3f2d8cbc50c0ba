/**
 * Archive administration (archive.manage): settings, status, verification and the signed
 * checkpoints, exportable so a copy kept outside the system proves the archive later.
 */
import type { Ctx } from '../../../app/context.js';
import { assertMay } from '../../../authz/may.js';
import type { FeatureRoutes } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses } from '../../../http/schema-helpers.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { publicKeyFrom, publicKeyPem } from '../archive-core/checkpoint.js';
import { archiveKeys } from './archive-keys.js';
import { latestCheckpoint, signHead } from './checkpoints.js';
import { ArchiveSettingsBody, ArchiveSettingsOut, ArchiveStatus, CheckpointList, VerifyOut } from './schemas.js';
import { readSettingsView } from './settings-view.js';
import { syncOrg } from './sync-conversation.js';
import { updateArchiveSettings } from './update-settings.js';
import { verifyArchive } from './verify-archive.js';

const tags = ['archive'];

export const archiveRoutes: FeatureRoutes = async (app, ctx: Ctx) => {
  app.get(
    '/api/v1/archive/settings',
    {
      schema: {
        tags,
        summary: 'Whether archiving is on, whom it covers, the decline policy and the notice in force (archive.manage)',
        response: { 200: ArchiveSettingsOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      return readSettingsView(ctx.db, actor.orgId);
    },
  );

  app.put(
    '/api/v1/archive/settings',
    {
      schema: {
        tags,
        summary:
          'Turn archiving on or off, for everyone or chosen departments; set the decline policy and the notice text (archive.manage; audited)',
        body: ArchiveSettingsBody,
        response: { 200: ArchiveSettingsOut, ...errorResponses },
      },
    },
    async (req) => updateArchiveSettings(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/v1/archive/status',
    {
      schema: {
        tags,
        summary: 'Size, root hash, keys and the last signed checkpoint (archive.manage)',
        response: { 200: ArchiveStatus, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      const keys = archiveKeys(ctx.config);
      const head = await ctx.db
        .selectFrom('archive_heads')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .executeTakeFirst();
      const last = await latestCheckpoint(ctx, actor.orgId);
      return {
        size: Number(head?.size ?? 0),
        rootHash: head?.root_hash ?? 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        signing: keys.signing !== null,
        encrypted: keys.bodies !== null,
        publicKey: keys.signing ? publicKeyPem(publicKeyFrom(keys.signing)) : null,
        lastCheckpoint: last
          ? { id: last.id, size: Number(last.size), rootHash: last.root_hash, createdAt: last.created_at }
          : null,
      };
    },
  );

  app.post(
    '/api/v1/archive/verify',
    {
      schema: {
        tags,
        summary:
          'Walk the archive and report the first altered, removed or reordered record, or intact (archive.manage)',
        response: { 200: VerifyOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      await syncOrg(ctx, actor.orgId);
      const { orgId: _org, ...report } = await verifyArchive(ctx, actor.orgId);
      return report;
    },
  );

  app.get(
    '/api/v1/archive/checkpoints',
    {
      schema: {
        tags,
        summary: 'The signed checkpoints, newest first, to keep a copy outside the system (archive.manage)',
        response: { 200: CheckpointList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      const rows = await ctx.db
        .selectFrom('archive_checkpoints')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .orderBy('size', 'desc')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          size: Number(r.size),
          rootHash: r.root_hash,
          note: r.note,
          createdAt: r.created_at,
        })),
      };
    },
  );

  app.post(
    '/api/v1/archive/checkpoints',
    {
      schema: {
        tags,
        summary:
          'Sign a checkpoint of the archive now (archive.manage; audited); 409 without a signing key or new records',
        response: { 200: CheckpointList.properties.items.items, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertMay(ctx, actor, 'archive.manage');
      await syncOrg(ctx, actor.orgId);
      const row = await signHead(ctx, actor.orgId);
      if (!row) {
        throw conflict(
          archiveKeys(ctx.config).signing
            ? 'Nothing new to sign since the last checkpoint'
            : 'No signing key: set CONCORD_ARCHIVE_SIGNING_KEY',
        );
      }
      await recordAudit(ctx, ctx.db, {
        orgId: actor.orgId,
        who: actor,
        action: 'archive.checkpoint_signed',
        target: { type: 'archive_checkpoint', id: row.id },
        after: { size: row.size, rootHash: row.root_hash },
      });
      return { id: row.id, size: Number(row.size), rootHash: row.root_hash, note: row.note, createdAt: row.created_at };
    },
  );
};
