/**
 * Checks every row of an import and reports every problem with its line, so HR can fix the
 * whole file at once. Pure: what it needs from the store arrives in `ImportContext`.
 */
import { hasControlCharacters, isCalendarDate, normalizeEmail, normalizeMobile } from '../member-rules.js';
import { MEMBER_NAME_MAX, TITLE_MAX } from '../schemas.js';
import { type ColumnMap, cellOf, type ImportField } from './columns.js';
import type { TableRow } from './read-table.js';

export type RowError = { line: number; field: ImportField | 'row'; reason: string; message: string };

export type ExistingAccount = { id: string; orgId: string; status: string };

export type ImportContext = {
  orgId: string;
  departments: readonly { id: string; parent_id: string | null; name: string }[];
  /** Whether the actor may manage members of this department. */
  managesDepartment: (id: string) => boolean;
  /** Accounts on the whole server by email and by mobile. */
  existingByEmail: ReadonlyMap<string, ExistingAccount>;
  existingByMobile: ReadonlyMap<string, ExistingAccount>;
  /** A reason code when the password is not acceptable, else null. */
  passwordProblem: (password: string, personal: (string | null)[]) => string | null;
};

export type SupervisorRef = { kind: 'member'; id: string } | { kind: 'row'; index: number } | null;

export type ValidRow = {
  line: number;
  name: string;
  mobile: string | null;
  email: string | null;
  departmentId: string;
  title: string | null;
  joinedOn: string | null;
  password: string | null;
  supervisor: SupervisorRef;
};

export type ValidationResult = { rows: ValidRow[]; errors: RowError[] };

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A joined-on cell as YYYY-MM-DD: ISO text, YYYY/M/D, or an Excel serial day number. */
export function parseImportDate(text: string): string | null {
  const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (parts) {
    const iso = `${parts[1]}-${(parts[2] ?? '').padStart(2, '0')}-${(parts[3] ?? '').padStart(2, '0')}`;
    return isCalendarDate(iso) ? iso : null;
  }
  if (/^\d{1,6}(\.\d+)?$/.test(text)) {
    const days = Math.floor(Number(text));
    if (days < 1 || days > 2_958_465) return null;
    return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

/** Resolves `总部/华东区/上海一店` from the root (the root's own name may lead), or a unique name. */
export function departmentResolver(departments: ImportContext['departments']) {
  const root = departments.find((d) => d.parent_id === null);
  const children = new Map<string, Map<string, string>>();
  const byName = new Map<string, string[]>();
  for (const d of departments) {
    byName.set(d.name, [...(byName.get(d.name) ?? []), d.id]);
    if (d.parent_id) {
      const siblings = children.get(d.parent_id) ?? new Map<string, string>();
      siblings.set(d.name, d.id);
      children.set(d.parent_id, siblings);
    }
  }
  return (path: string): { id: string } | { reason: 'not_found' | 'ambiguous' } => {
    if (!root) return { reason: 'not_found' };
    const parts = path
      .split(/[/／]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return { id: root.id };
    if (parts.length === 1) {
      const name = parts[0] as string;
      if (name === root.name) return { id: root.id };
      const ids = byName.get(name) ?? [];
      if (ids.length === 1) return { id: ids[0] as string };
      return { reason: ids.length === 0 ? 'not_found' : 'ambiguous' };
    }
    const rest = parts[0] === root.name ? parts.slice(1) : parts;
    let cur: string | undefined = root.id;
    for (const name of rest) {
      cur = cur ? children.get(cur)?.get(name) : undefined;
      if (!cur) return { reason: 'not_found' };
    }
    return { id: cur };
  };
}

const MESSAGES: Record<string, string> = {
  required: 'This field is required',
  too_long: 'The text is too long',
  control_characters: 'The text contains control characters',
  invalid_format: 'The value is not in a valid format',
  duplicate_in_file: 'The same value appears on an earlier line of the file',
  already_used: 'Another account already uses this value',
  not_found: 'Nothing matches this value',
  ambiguous: 'Several departments have this name; give the full path',
  outside_scope: 'You may not manage members of this department',
  self: 'A member cannot be their own supervisor',
  cycle: 'The supervisors in the file form a cycle',
};

export function validateRows(table: readonly TableRow[], columns: ColumnMap, ctx: ImportContext): ValidationResult {
  const errors: RowError[] = [];
  const fail = (line: number, field: RowError['field'], reason: string, message?: string) =>
    errors.push({ line, field, reason, message: message ?? MESSAGES[reason] ?? reason });
  const resolveDepartment = departmentResolver(ctx.departments);
  const rows: (ValidRow & { supervisorText: string; ok: boolean })[] = [];
  const emailLine = new Map<string, number>();
  const mobileLine = new Map<string, number>();

  for (const { line, cells } of table) {
    const before = errors.length;
    const cell = (field: ImportField) => cellOf(cells, columns, field);

    const name = cell('name');
    if (!name) fail(line, 'name', 'required');
    else if ([...name].length > MEMBER_NAME_MAX) fail(line, 'name', 'too_long');
    else if (hasControlCharacters(name)) fail(line, 'name', 'control_characters');

    const title = cell('title');
    if ([...title].length > TITLE_MAX) fail(line, 'title', 'too_long');
    else if (hasControlCharacters(title)) fail(line, 'title', 'control_characters');

    let mobile: string | null = null;
    const mobileText = cell('mobile');
    if (mobileText) {
      mobile = normalizeMobile(mobileText);
      if (!mobile) fail(line, 'mobile', 'invalid_format', 'The mobile number is not valid');
      else if (mobileLine.has(mobile)) {
        fail(line, 'mobile', 'duplicate_in_file', `The same mobile number is on line ${mobileLine.get(mobile)}`);
      } else if (ctx.existingByMobile.has(mobile)) fail(line, 'mobile', 'already_used');
      if (mobile && !mobileLine.has(mobile)) mobileLine.set(mobile, line);
    }

    let email: string | null = null;
    const emailText = cell('email');
    if (emailText) {
      email = normalizeEmail(emailText);
      if (!email) fail(line, 'email', 'invalid_format', 'The email is not a valid address');
      else if (emailLine.has(email)) {
        fail(line, 'email', 'duplicate_in_file', `The same email is on line ${emailLine.get(email)}`);
      } else if (ctx.existingByEmail.has(email)) fail(line, 'email', 'already_used');
      if (email && !emailLine.has(email)) emailLine.set(email, line);
    }

    let departmentId = '';
    const department = resolveDepartment(cell('department'));
    if ('reason' in department) fail(line, 'department', department.reason);
    else if (!ctx.managesDepartment(department.id)) fail(line, 'department', 'outside_scope');
    else departmentId = department.id;

    let joinedOn: string | null = null;
    const joinedText = cell('joinedOn');
    if (joinedText) {
      joinedOn = parseImportDate(joinedText);
      if (!joinedOn) fail(line, 'joinedOn', 'invalid_format', 'The date must be YYYY-MM-DD');
    }

    const password = cell('password') || null;
    if (password) {
      const problem = ctx.passwordProblem(password, [email, mobile]);
      if (problem) fail(line, 'password', problem, `The password is not acceptable (${problem})`);
    }

    rows.push({
      line,
      name,
      mobile,
      email,
      departmentId,
      title: title || null,
      joinedOn,
      password,
      supervisor: null,
      supervisorText: cell('supervisor'),
      ok: errors.length === before,
    });
  }

  resolveSupervisors(rows, emailLine, mobileLine, ctx, fail);
  // Keep the good rows, re-pointing in-file supervisor references at their new positions.
  const kept = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row.ok) kept.set(index, kept.size);
  });
  const valid = rows
    .filter((row) => row.ok)
    .map(({ supervisorText: _text, ok: _ok, ...row }): ValidRow => {
      const sup = row.supervisor;
      if (sup?.kind !== 'row') return row;
      const index = kept.get(sup.index);
      return { ...row, supervisor: index === undefined ? null : { kind: 'row', index } };
    });
  return { rows: valid, errors: errors.sort((a, b) => a.line - b.line) };
}

type Fail = (line: number, field: RowError['field'], reason: string, message?: string) => void;

/** Supervisors by email or mobile: another row of the file first, else an existing member of the org. */
function resolveSupervisors(
  rows: (ValidRow & { supervisorText: string; ok: boolean })[],
  emailLine: ReadonlyMap<string, number>,
  mobileLine: ReadonlyMap<string, number>,
  ctx: ImportContext,
  fail: Fail,
): void {
  const indexByLine = new Map(rows.map((r, i) => [r.line, i]));
  rows.forEach((row, index) => {
    const text = row.supervisorText;
    if (!text) return;
    const email = text.includes('@') ? normalizeEmail(text) : null;
    const mobile = email ? null : normalizeMobile(text);
    if (!email && !mobile) {
      fail(row.line, 'supervisor', 'invalid_format', 'Give the supervisor as an email or a mobile number');
      row.ok = false;
      return;
    }
    const fileLine = email ? emailLine.get(email) : mobile ? mobileLine.get(mobile) : undefined;
    const fileIndex = fileLine === undefined ? undefined : indexByLine.get(fileLine);
    if (fileIndex !== undefined) {
      if (fileIndex === index) {
        fail(row.line, 'supervisor', 'self');
        row.ok = false;
      } else row.supervisor = { kind: 'row', index: fileIndex };
      return;
    }
    const existing = email ? ctx.existingByEmail.get(email) : mobile ? ctx.existingByMobile.get(mobile) : undefined;
    if (!existing || existing.orgId !== ctx.orgId || existing.status === 'departed') {
      fail(row.line, 'supervisor', 'not_found', 'No member of the org (in the file or already added) has this');
      row.ok = false;
      return;
    }
    row.supervisor = { kind: 'member', id: existing.id };
  });

  // Rows whose supervisor chain inside the file loops back on itself.
  const state = new Map<number, 'visiting' | 'done'>();
  const inCycle = new Set<number>();
  const visit = (index: number, path: number[]): void => {
    const mark = state.get(index);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      for (const i of path.slice(path.indexOf(index))) inCycle.add(i);
      return;
    }
    state.set(index, 'visiting');
    const sup = rows[index]?.supervisor;
    if (sup?.kind === 'row') visit(sup.index, [...path, index]);
    state.set(index, 'done');
  };
  rows.forEach((_, i) => {
    visit(i, []);
  });
  for (const index of inCycle) {
    const row = rows[index];
    if (!row) continue;
    fail(row.line, 'supervisor', 'cycle');
    row.ok = false;
  }
}

/** Rows ordered so each row's supervisor from the file comes before it (no cycles remain). */
export function supervisorsFirst(rows: readonly ValidRow[]): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (index: number, depth: number): void => {
    if (placed.has(index) || depth > rows.length) return;
    const sup = rows[index]?.supervisor;
    if (sup?.kind === 'row') place(sup.index, depth + 1);
    placed.add(index);
    order.push(index);
  };
  rows.forEach((_, i) => {
    place(i, 0);
  });
  return order;
}
