import { afterEach, describe, expect, it } from 'vitest';
import { openAccessDesk } from './accessDesk.ts';
import { rowCounts } from './storeSnapshot.ts';
import { sampleComplaint } from './testDesk.ts';

let desk: Awaited<ReturnType<typeof openAccessDesk>> | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** A one-page PDF, as small as a real one gets. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function staffed() {
  desk = await openAccessDesk();
  const d = desk;
  const outpatient = d.dept('门诊部');
  const pharmacy = d.dept('药剂科');
  const rec = await d.person('reception1', ['receptionist']);
  const nurse = await d.person('nurse1', ['handler'], [outpatient]);
  const pharmacist = await d.person('pharm1', ['handler'], [pharmacy]);
  const sup = await d.person('super1', ['supervisor']);
  const registered = await d.as(rec.token, 'cases.register', sampleComplaint);
  const accepted = await d.as(rec.token, 'cases.act', { id: registered.id, action: { type: 'accept', departmentId: outpatient } });
  const upload = (token: string, name: string) =>
    d.as(token, 'attachments.upload', {
      name,
      mime: 'application/pdf',
      dataBase64: Buffer.concat([pdf, Buffer.from(name)]).toString('base64'),
    });
  return { d, rec, nurse, pharmacist, sup, caseId: accepted.id, upload };
}

describe('evidence added after registration', () => {
  it('lets the department handling the case add evidence, answering the case as cases.get would (masked, with actions)', async () => {
    const { d, nurse, caseId, upload } = await staffed();
    const ref = await upload(nurse.token, '补充病历.pdf');
    expect(ref.mime).toBe('application/pdf');
    const updated = await d.as(nurse.token, 'attachments.add', { caseId, attachments: [ref] });
    expect(updated.intake.attachments).toEqual([ref]);
    expect(updated.events.at(-1)).toMatchObject({ type: 'attachmentsAdded', actorId: nurse.id });
    // A handler sees the phone masked, whichever call answered the case.
    expect(updated.complainant.phone).toBe('138****8000');
    expect(updated.allowedActions).toContain('note');
    const back = await d.as(nurse.token, 'attachments.get', { caseId, sha256: ref.sha256 });
    expect(Buffer.from(back.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Adding the same file again records nothing.
    const before = rowCounts(d.dataDir);
    await d.as(nurse.token, 'attachments.add', { caseId, attachments: [ref] });
    expect(rowCounts(d.dataDir)).toEqual(before);
  });

  it("refuses another department's handler both reading and adding evidence, writes nothing but the audited refusal", async () => {
    const { d, rec, pharmacist, caseId, upload } = await staffed();
    const ref = await upload(rec.token, '现场.pdf');
    await d.as(rec.token, 'attachments.add', { caseId, attachments: [ref] });
    const before = rowCounts(d.dataDir);
    const read = await d.rawAs(pharmacist.token, 'attachments.get', { caseId, sha256: ref.sha256 });
    expect(read).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await upload(pharmacist.token, '另一份.pdf');
    const afterUpload = rowCounts(d.dataDir);
    const add = await d.rawAs(pharmacist.token, 'attachments.add', { caseId, attachments: [other] });
    expect(add).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = rowCounts(d.dataDir);
    expect(after.case_events).toBe(before.case_events);
    expect(after.audit_log).toBe((afterUpload.audit_log ?? 0) + 1);
    expect(d.auditRows('access.denied').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses evidence on an archived case with a translated reason, and still takes it on a closed one', async () => {
    const { d, rec, sup, upload } = await staffed();
    const c = await d.as(rec.token, 'cases.register', sampleComplaint);
    await d.as(rec.token, 'cases.act', { id: c.id, action: { type: 'resolveOnSpot', resolution: '当场道歉', satisfaction: 5 } });
    const late = await upload(rec.token, '事后补交.pdf');
    const closed = await d.as(rec.token, 'attachments.add', { caseId: c.id, attachments: [late] });
    expect(closed.status).toBe('closed');
    expect(closed.intake.attachments).toHaveLength(1);
    await d.as(sup.token, 'cases.act', { id: c.id, action: { type: 'archive' } });
    const more = await upload(rec.token, '归档后.pdf');
    const before = rowCounts(d.dataDir);
    const refused = await d.rawAs(rec.token, 'attachments.add', { caseId: c.id, attachments: [more] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/归档|archived/);
    expect(rowCounts(d.dataDir)).toEqual(before);
  });

  it("refuses printing to someone outside the case's departments, and to a handler of a confidential case", async () => {
    const { d, rec, nurse, pharmacist, caseId } = await staffed();
    expect(await d.rawAs(pharmacist.token, 'print.render', { template: 'slip', caseId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await d.rawAs(nurse.token, 'print.render', { template: 'slip', caseId })).ok).toBe(true);
    const secret = await d.as(rec.token, 'cases.register', { ...sampleComplaint, confidential: true });
    await d.as(rec.token, 'cases.act', { id: secret.id, action: { type: 'accept', departmentId: d.dept('门诊部') } });
    expect(await d.rawAs(nurse.token, 'print.render', { template: 'registrationForm', caseId: secret.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
