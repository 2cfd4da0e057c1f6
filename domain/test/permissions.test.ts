import { describe, expect, it } from 'vitest';
import {
  callableWhileLocked,
  capabilityRoles,
  caseActionRows,
  hasCapability,
  mayCall,
  mayCallWith,
  mayChangeSettings,
  mayPrint,
  mayTakeAction,
  methodAccess,
  printTemplateRoles,
  settingsSectionRoles,
} from '../access/permissions.ts';
import { type DeskMethod, deskMethods } from '../api/deskApi.ts';
import { type DocumentTemplate, documentTemplates } from '../api/printSchemas.ts';
import { type CaseActionType, caseActionTypes } from '../cases/caseMachine.ts';
import { type Role, roles } from '../cases/vocabulary.ts';
import { type SettingsSection, settingsSectionNames } from '../settings/deskSettings.ts';

/**
 * The matrix written out a second time, by hand, as a reviewer reads it: `x` may, `.` may not,
 * `P` public (no session), `S` any signed-in account, `L` callable while the screen is locked.
 * A method or action added without a line here fails these tests.
 */
const methodGrid = `
method                 rec han sup dir adm  locked
setup.status            P   P   P   P   P   L
setup.init              P   P   P   P   P   .
auth.login              P   P   P   P   P   L
auth.logout             S   S   S   S   S   L
auth.me                 S   S   S   S   S   L
auth.lock               S   S   S   S   S   L
auth.unlock             S   S   S   S   S   L
auth.changePassword     S   S   S   S   S   .
cases.register          x   .   x   .   .   .
cases.get               x   x   x   x   .   .
cases.list              x   x   x   x   .   .
cases.act               x   x   x   x   .   .
cases.reveal            x   x   x   x   .   .
cases.board             x   x   x   x   .   .
cases.browse            x   x   x   x   .   .
cases.inbox             x   x   x   x   .   .
cases.inquire           x   .   x   x   .   .
cases.verifyChain       .   .   x   x   x   .
cases.handlers          S   S   S   S   S   .
departments.list        S   S   S   S   S   .
departments.create      .   .   .   .   x   .
departments.update      .   .   .   .   x   .
departments.disable     .   .   .   .   x   .
departments.enable      .   .   .   .   x   .
categories.list         S   S   S   S   S   .
categories.create       .   .   .   .   x   .
categories.update       .   .   .   .   x   .
categories.disable      .   .   .   .   x   .
categories.enable       .   .   .   .   x   .
users.directory         S   S   S   S   S   .
users.list              .   .   .   .   x   .
users.create            .   .   .   .   x   .
users.update            .   .   .   .   x   .
users.disable           .   .   .   .   x   .
users.enable            .   .   .   .   x   .
users.resetPassword     .   .   .   .   x   .
settings.get            S   S   S   S   S   .
settings.update         .   .   x   .   x   .
audit.list              .   .   .   .   x   .
desk.health             P   P   P   P   P   L
backup.status           S   S   S   S   S   .
backup.configure        .   .   .   .   x   .
backup.run              .   .   .   .   x   .
backup.list             .   .   .   .   x   .
backup.inspect          .   .   .   .   x   .
backup.restore          .   .   .   .   x   .
recovery.list           P   P   P   P   P   .
recovery.restore        P   P   P   P   P   .
recovery.unlock         P   P   P   P   P   .
keys.status             .   .   .   .   x   .
keys.newRecoveryKey     .   .   .   .   x   .
seals.overview          .   .   x   x   x   .
seals.preview           .   .   x   x   x   .
seals.seal              .   .   x   .   .   .
seals.verify            .   .   x   x   x   .
retention.get           .   .   x   x   x   .
retention.update        .   .   x   .   x   .
retention.preview       .   .   x   .   .   .
retention.apply         .   .   x   .   .   .
privacy.find            .   .   x   .   .   .
privacy.export          .   .   x   .   .   .
privacy.erase           .   .   x   .   .   .
sync.configure          .   .   .   .   x   .
sync.status             S   S   S   S   S   .
sync.now                S   S   S   S   S   .
sync.leave              .   .   .   .   x   .
sync.clashes            .   .   .   .   x   .
sync.settleClash        .   .   .   .   x   .
sync.sites              .   .   x   x   .   .
data.export             .   .   .   .   x   .
data.import             P   P   P   P   P   .
jobs.status             P   P   P   P   P   .
calendar.get            S   S   S   S   S   .
calendar.import         .   .   .   .   x   .
calendar.setLocalDay    .   .   .   .   x   .
policies.list           S   S   S   S   S   .
policies.update         .   .   .   .   x   .
policies.reset          .   .   .   .   x   .
reports.onTime          .   .   x   x   x   .
reports.summary         .   .   x   x   .   .
reports.repeats         .   .   x   x   .   .
reports.analysis        .   .   x   x   .   .
reports.export          .   .   x   x   .   .
reports.performance     .   .   x   x   .   .
correctiveActions.create    .   .   x   x   .   .
correctiveActions.list      .   .   x   x   .   .
correctiveActions.implement .   .   x   x   .   .
correctiveActions.verify    .   .   x   x   .   .
registration.options    x   x   x   x   .   .
registration.lookup     x   .   x   .   .   .
registration.suggest    x   .   x   .   .   .
print.render            x   x   x   x   .   .
attachments.upload      x   x   x   x   .   .
attachments.add         x   x   x   x   .   .
attachments.get         x   x   x   x   .   .
`;

const actionGrid = `
action                 rec han sup dir adm
accept                  x   .   x   x   .
decline                 x   .   x   x   .
resolveOnSpot           x   .   x   .   .
redirect                x   .   x   x   .
assign                  .   .   x   x   .
startInvestigation      .   x   x   x   .
note                    x   x   x   x   .
contact                 x   x   x   x   .
propose                 .   x   x   x   .
approve                 .   .   x   x   .
sendBack                .   .   x   x   .
respond                 .   x   x   x   .
followUp                x   .   x   x   .
close                   x   .   x   x   .
review                  x   .   x   x   .
escalate                x   x   x   x   .
correct                 x   .   x   x   .
archive                 .   .   x   x   .
link                    x   x   x   x   .
merge                   x   .   x   x   .
extend                  .   .   x   x   .
pause                   x   x   x   x   .
resume                  x   x   x   x   .
transfer                .   .   x   x   .
`;

const capabilityGrid = `
capability                          rec han sup dir adm
personalData.unmasked                x   .   x   .   .
personalData.reveal                  x   x   x   x   .
personalData.print                   x   x   x   .   .
personalData.export                  .   .   x   .   x
cases.seeAll                         x   .   x   x   .
cases.seeConfidentialComplainant     x   .   x   x   .
audit.view                           .   .   .   .   x
`;

/** Who may print each document of print.render (the method's row above admits them all). */
// Case documents carry the complainant in full: directors, who may not print personal data, print none.
const templateGrid = `
template                 rec han sup dir adm
slip                      x   x   x   .   .
registrationForm          x   x   x   .   .
declineNotice             x   x   x   .   .
redirectGuidance          x   x   x   .   .
replyLetter               x   x   x   .   .
monthlyAnalysis           .   .   x   x   .
yearRegister              .   .   x   x   .
personReport              .   .   x   .   .
`;

const gridRoles: Role[] = ['receptionist', 'handler', 'supervisor', 'director', 'admin'];

function parse(grid: string): Map<string, string[]> {
  const lines = grid.trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.trim().split(/\s+/)).map(([name = '', ...cells]) => [name, cells]));
}

const methods = parse(methodGrid);
const actions = parse(actionGrid);
const capabilities = parse(capabilityGrid);
const templates = parse(templateGrid);

describe('the method matrix', () => {
  it('has a row for every DeskApi method, here and in domain/access', () => {
    const declared = Object.keys(deskMethods).sort();
    expect(Object.keys(methodAccess).sort()).toEqual(declared);
    expect([...methods.keys()].sort()).toEqual(declared);
  });

  it('agrees with the method list on which calls need no session', () => {
    for (const [method, spec] of Object.entries(deskMethods)) {
      expect(methodAccess[method as DeskMethod].who === 'public', method).toBe(!spec.session);
    }
  });

  const cells = [...methods].flatMap(([method, cells]) => gridRoles.map((role, i) => ({ method, role, cell: cells[i] })));
  it.each(cells)('$method for $role: $cell', ({ method, role, cell }) => {
    expect(['x', 'P', 'S', '.']).toContain(cell);
    expect(mayCall([role], method as DeskMethod)).toBe(cell !== '.');
  });

  it.each([...methods])('%s without a session', (method, cells) => {
    expect(mayCall(null, method as DeskMethod)).toBe(cells[0] === 'P');
  });

  it.each([...methods])('%s while the screen is locked', (method, cells) => {
    expect(callableWhileLocked(method as DeskMethod)).toBe(cells[5] === 'L');
  });

  it('grants a person with several roles what any of them grants', () => {
    expect(mayCall(['handler'], 'cases.register')).toBe(false);
    expect(mayCall(['handler', 'receptionist'], 'cases.register')).toBe(true);
    expect(mayCall(['admin', 'supervisor', 'receptionist'], 'users.create')).toBe(true);
    expect(mayCall([], 'cases.list')).toBe(false);
  });
});

describe('the case action matrix', () => {
  it('has a row for every action of the state machine', () => {
    for (const action of caseActionTypes) {
      expect(caseActionRows[action], action).toBeDefined();
      expect(actions.has(action), action).toBe(true);
    }
    expect([...actions.keys()].sort()).toEqual(Object.keys(caseActionRows).sort());
  });

  const cells = [...actions].flatMap(([action, cells]) => gridRoles.map((role, i) => ({ action, role, cell: cells[i] })));
  it.each(cells)('$action for $role: $cell', ({ action, role, cell }) => {
    expect(caseActionRows[action]?.includes(role) ?? false).toBe(cell === 'x');
  });

  it.each(caseActionTypes.flatMap((action) => roles.map((role) => ({ action, role }))))(
    'mayTakeAction($action) for $role follows the grid',
    ({ action, role }) => {
      const cell = actions.get(action)?.[gridRoles.indexOf(role)];
      expect(mayTakeAction([role], action as CaseActionType)).toBe(cell === 'x');
    },
  );
});

describe('capabilities', () => {
  it('has a grid row for each capability', () => {
    expect([...capabilities.keys()].sort()).toEqual(Object.keys(capabilityRoles).sort());
  });

  const cells = [...capabilities].flatMap(([capability, cells]) => gridRoles.map((role, i) => ({ capability, role, cell: cells[i] })));
  it.each(cells)('$capability for $role: $cell', ({ capability, role, cell }) => {
    expect(hasCapability([role], capability as keyof typeof capabilityRoles)).toBe(cell === 'x');
  });
});

describe('print templates', () => {
  it('has a row for every template print.render prints, here and in domain/access', () => {
    expect(Object.keys(printTemplateRoles).sort()).toEqual([...documentTemplates].sort());
    expect([...templates.keys()].sort()).toEqual([...documentTemplates].sort());
  });

  const cells = [...templates].flatMap(([template, cells]) => gridRoles.map((role, i) => ({ template, role, cell: cells[i] })));
  it.each(cells)('$template for $role: $cell', ({ template, role, cell }) => {
    expect(mayPrint([role], template as DocumentTemplate)).toBe(cell === 'x');
    expect(mayCallWith([role], 'print.render', { template })).toBe(cell === 'x');
  });

  it('narrows a method only within its own row, and only methods that have template rows', () => {
    for (const [method, rule] of Object.entries(methodAccess)) {
      for (const rolesOfTemplate of Object.values(rule.byTemplate ?? {})) {
        for (const role of rolesOfTemplate) expect(mayCall([role], method as DeskMethod), `${method} ${role}`).toBe(true);
      }
    }
    expect(mayCallWith(['receptionist'], 'cases.list', { template: 'monthlyAnalysis' })).toBe(true);
    expect(mayCallWith(['supervisor'], 'print.render', { template: 'noSuchTemplate' })).toBe(false);
    expect(mayCallWith(['handler', 'director'], 'print.render', { template: 'monthlyAnalysis' })).toBe(true);
  });
});

/** Who may change each section of the settings, written out by hand as above. */
const sectionGrid = `
section     rec han sup dir adm
desk         .   .   .   .   x
printing     .   .   .   .   x
cases        .   .   x   .   .
privacy      .   .   x   .   x
deadlines    .   .   .   .   x
`;
const sectionCells = new Map(
  sectionGrid
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [section, ...cells] = line.trim().split(/\s+/);
      return [section as SettingsSection, cells] as const;
    }),
);

describe('settings sections', () => {
  it('has a row for every section of the settings, here and in domain/access', () => {
    expect(Object.keys(settingsSectionRoles).sort()).toEqual([...settingsSectionNames].sort());
    expect([...sectionCells.keys()].sort()).toEqual([...settingsSectionNames].sort());
  });

  const cells = [...sectionCells].flatMap(([section, cells]) => gridRoles.map((role, i) => ({ section, role, cell: cells[i] })));
  it.each(cells)('$section for $role: $cell', ({ section, role, cell }) => {
    expect(mayChangeSettings([role], section)).toBe(cell === 'x');
    expect(mayCallWith([role], 'settings.update', { [section]: {} })).toBe(cell === 'x');
  });

  it('needs every section a change names: one refused section refuses the call', () => {
    expect(mayCallWith(['supervisor'], 'settings.update', { cases: {}, desk: {} })).toBe(false);
    expect(mayCallWith(['supervisor', 'admin'], 'settings.update', { cases: {}, desk: {} })).toBe(true);
    expect(mayCallWith(['admin'], 'settings.update', { noSuchSection: {} })).toBe(false);
    for (const roles of Object.values(settingsSectionRoles))
      for (const role of roles) expect(mayCall([role], 'settings.update')).toBe(true);
  });
});
