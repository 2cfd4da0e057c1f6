/**
 * The label key (registration namespace) of the field an error path of `cases.register` points
 * at, so the footer can name the fields to fix. Paths inside lists (`witnesses.0.phone`) name
 * the list. Unknown paths give null and are left to the message next to them.
 */
const labels: Readonly<Record<string, string>> = {
  type: 'form.type',
  channel: 'form.channel',
  anonymous: 'form.anonymous',
  'complainant.name': 'form.name',
  'complainant.phone': 'form.phone',
  'complainant.relation': 'form.relation',
  'complainant.unit': 'form.unit',
  'complainant.address': 'form.address',
  'complainant.idNumber': 'form.idNumber',
  coComplainants: 'form.coComplainants',
  headCount: 'form.headCount',
  witnesses: 'form.witnesses',
  subject: 'form.subject',
  content: 'form.content',
  demands: 'form.demands',
  categoryId: 'form.category',
  severity: 'form.severity',
  'respondent.departmentId': 'form.respondentDepartment',
  'respondent.person': 'form.respondentPerson',
  occurredAt: 'form.occurredAt',
  occurredPlace: 'form.occurredPlace',
  'letter.number': 'form.letterNumber',
  'letter.date': 'form.letterDate',
  'transfer.source': 'form.transferSource',
  'transfer.reference': 'form.transferReference',
  receivedAt: 'form.receivedAt',
  attachments: 'form.attachments',
};

export function fieldLabelKey(path: string): string | null {
  if (labels[path]) return labels[path];
  const list = path.split('.')[0] ?? '';
  return ['coComplainants', 'witnesses', 'attachments'].includes(list) ? (labels[list] ?? null) : null;
}

/** The label keys of the fields in error, each once, in the form's order. */
export function fieldsInError(errors: Record<string, unknown>): string[] {
  const order = Object.values(labels);
  const keys = new Set(
    Object.entries(errors).flatMap(([path, message]) => {
      const key = message ? fieldLabelKey(path) : null;
      return key ? [key] : [];
    }),
  );
  return order.filter((k, i) => keys.has(k) && order.indexOf(k) === i);
}
