/**
 * `concord archive <verify|prove|checkpoint|keygen>`: operator tools of the compliance archive.
 * verify walks each org's archive (or one with --org) and exits 1 when any is broken; prove
 * prints an inclusion proof bundle (archive-core/VERIFYING.md says how a third party checks it);
 * checkpoint signs the current heads now; keygen prints fresh keys for the configuration.
 */
import { parseArgs } from 'node:util';
import { signHead } from '../../features/compliance/archive/checkpoints.js';
import { ProveError, proveRecord } from '../../features/compliance/archive/prove-record.js';
import { verifyArchive } from '../../features/compliance/archive/verify-archive.js';
import { generateBodyKey } from '../../features/compliance/archive-core/body-cipher.js';
import { generateCheckpointKey, publicKeyPem } from '../../features/compliance/archive-core/checkpoint.js';
import { isUuid } from '../../platform/ids.js';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { createRuntime } from '../runtime.js';
import { type CliIo, quietLog } from './io.js';

const USAGE = 'usage: concord archive verify [--org ID] | prove <record-id> | checkpoint [--org ID] | keygen';

/** The orgs to act on, or null when --org names none: a typo must not read as an empty, intact archive. */
async function orgsOf(ctx: Ctx, org: string | undefined): Promise<string[] | null> {
  if (org) {
    if (!isUuid(org)) return null;
    const found = await ctx.db.selectFrom('orgs').select('id').where('id', '=', org).executeTakeFirst();
    return found ? [found.id] : null;
  }
  const rows = await ctx.db.selectFrom('archive_heads').select('org_id').orderBy('org_id').execute();
  return rows.map((r) => r.org_id);
}

export async function archiveCommand(args: string[], io: CliIo, config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'keygen') {
    const { seed, privateKey } = generateCheckpointKey();
    io.out(
      JSON.stringify({
        CONCORD_ARCHIVE_SIGNING_KEY: seed,
        CONCORD_ARCHIVE_KEYS: `k1:${generateBodyKey()}`,
        publicKey: publicKeyPem(privateKey),
      }),
    );
    return 0;
  }
  if (sub !== 'verify' && sub !== 'prove' && sub !== 'checkpoint') {
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { org: { type: 'string' } },
    allowPositionals: sub === 'prove',
    strict: true,
  });
  const runtime = await createRuntime({ config, log: quietLog() });
  try {
    const { ctx } = runtime;
    if (sub === 'prove') {
      const id = positionals[0];
      if (!id) {
        io.err(USAGE);
        return 2;
      }
      try {
        io.out(JSON.stringify(await proveRecord(ctx, id)));
        return 0;
      } catch (err) {
        if (!(err instanceof ProveError)) throw err;
        io.err(err.message);
        return 1;
      }
    }
    const orgs = await orgsOf(ctx, values.org);
    if (!orgs) {
      io.err(`no org ${values.org}`);
      return 1;
    }
    if (orgs.length === 0) io.err('no org has archived anything yet');
    if (sub === 'checkpoint') {
      const signed = [];
      for (const orgId of orgs) {
        const row = await signHead(ctx, orgId);
        signed.push({ orgId, checkpoint: row ? { id: row.id, size: row.size, rootHash: row.root_hash } : null });
      }
      io.out(JSON.stringify({ signed }));
      return 0;
    }
    const reports = [];
    for (const orgId of orgs) reports.push(await verifyArchive(ctx, orgId));
    for (const report of reports) {
      io.out(JSON.stringify(report));
      if (report.status === 'broken') {
        io.err(
          `archive of org ${report.orgId} is broken at record ${report.seq ?? '?'} (${report.recordId ?? 'no id'}): ${report.problem}: ${report.detail}`,
        );
      }
    }
    return reports.some((r) => r.status === 'broken') ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
