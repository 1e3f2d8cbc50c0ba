/** "负责人：…" under the department name, with links to each head. */
import { useQueries } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../lib/api/client';
import { directoryKeys } from '../api/queries';

export function DepartmentHeads({ headIds }: { headIds: readonly string[] }) {
  const { t } = useTranslation('directory');
  const heads = useQueries({
    queries: headIds.map((id) => ({
      queryKey: directoryKeys.member(id),
      queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id } } })),
    })),
  });
  const loaded = heads.flatMap((q) => (q.data ? [q.data] : []));
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="department-heads">
      {t('dept.headLabel')}
      {t('dept.colon')}
      {headIds.length === 0
        ? t('dept.noHeads')
        : loaded.map((m, i) => (
            <Fragment key={m.id}>
              {i > 0 ? t('separator') : null}
              <Link to={`/directory/members/${m.id}`}>{m.name}</Link>
            </Fragment>
          ))}
    </Typography.Text>
  );
}
