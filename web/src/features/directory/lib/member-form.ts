/** Member form values ⇄ API bodies: blanks become null, and an edit sends only what changed. */
export type MemberFormValues = {
  name: string;
  mobile?: string;
  email?: string;
  title?: string;
  primaryDepartmentId: string;
  extraDepartmentIds?: string[];
  supervisorId?: string | null;
  joinedOn?: string;
  password?: string;
};

export type MemberBody = {
  name: string;
  mobile: string | null;
  email: string | null;
  title: string | null;
  primaryDepartmentId: string;
  departmentIds: string[];
  supervisorId: string | null;
  joinedOn: string | null;
};

type MemberLike = {
  name: string;
  mobile: string | null;
  email: string | null;
  title: string | null;
  primaryDepartmentId: string;
  departmentIds: string[];
  supervisorId: string | null;
  joinedOn: string | null;
};

const blankToNull = (text: string | undefined | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The body for create (and the base for edit): primary first, extras without the primary. */
export function toMemberBody(values: MemberFormValues): MemberBody {
  const extras = (values.extraDepartmentIds ?? []).filter((id) => id !== values.primaryDepartmentId);
  return {
    name: values.name.trim(),
    mobile: blankToNull(values.mobile),
    email: blankToNull(values.email),
    title: blankToNull(values.title),
    primaryDepartmentId: values.primaryDepartmentId,
    departmentIds: [values.primaryDepartmentId, ...new Set(extras)],
    supervisorId: values.supervisorId ?? null,
    joinedOn: blankToNull(values.joinedOn),
  };
}

/** Form values for editing an existing member. */
export function toFormValues(member: MemberLike): MemberFormValues {
  return {
    name: member.name,
    mobile: member.mobile ?? '',
    email: member.email ?? '',
    title: member.title ?? '',
    primaryDepartmentId: member.primaryDepartmentId,
    extraDepartmentIds: member.departmentIds.filter((id) => id !== member.primaryDepartmentId),
    supervisorId: member.supervisorId,
    joinedOn: member.joinedOn ?? '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Only the fields that differ from the member as loaded (empty object: nothing to save). */
export function changedFields(member: MemberLike, values: MemberFormValues): Partial<MemberBody> {
  const next = toMemberBody(values);
  const out: Partial<MemberBody> = {};
  for (const key of ['name', 'mobile', 'email', 'title', 'primaryDepartmentId', 'supervisorId', 'joinedOn'] as const) {
    if (next[key] !== member[key]) Object.assign(out, { [key]: next[key] });
  }
  if (!sameSet(next.departmentIds, member.departmentIds) || out.primaryDepartmentId !== undefined) {
    out.departmentIds = next.departmentIds;
  }
  return out;
}
