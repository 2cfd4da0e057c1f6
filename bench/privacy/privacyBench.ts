import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDesk, type Desk } from '../../core/desk.ts';
import { hostKeyKeyring } from '../../core/keys/hostKeyring.ts';
import type { DeskInput, DeskMethod, DeskOutput } from '../../domain/api/deskApi.ts';
import { recordTypes } from '../../domain/cases/vocabulary.ts';
import { benchAdmin, benchDataDir, openBenchDesk, removeBenchDataDir } from '../benchDesk.ts';
import { bulkLoad } from '../data/bulkLoad.ts';
import { searchTerms } from '../data/phrases.ts';
import { type Sample, summarise } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';

/**
 * The cost of privacy (`npm run bench -- --privacy --tiers 100k`): one store of a year of
 * cases (generated, or kept by `--keep` / `--generate-only` and given again with `--reuse DIR`), copied; the copy is encrypted by the desk's own conversion. Registration, the board and
 * search run on both, interleaved sample by sample so the shared machine's load falls on both
 * alike, each encrypted figure beside the unencrypted one as its floor. Then, on the encrypted
 * desk, sealing the whole year (年度封存) and retention's removal in batches, watching the
 * longest time the event loop (the desk's one thread) was blocked.
 */
export interface PrivacyBenchOptions {
  label: string;
  count: number;
  seed: number;
  samples: number;
  /** Cases whose data retention removes while the event loop is watched. */
  removals: number;
  /** Keep the generated plain store (before anything is measured on it) and print where. */
  keep?: boolean;
  /** Generate and keep the plain store, measure nothing. */
  generateOnly?: boolean;
  /** A plain store kept by `keep` or `generateOnly`: copied for both sides instead of generating. */
  reuse?: string | undefined;
  log?: (line: string) => void;
}

/** Every case is received in 2025 (desk time), a year that is over, so it can be sealed whole. */
const yearEnd = Date.parse('2025-12-31T15:00:00Z');

interface Signed {
  desk: Desk;
  call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>>;
}

async function signIn(desk: Desk): Promise<Signed> {
  let token: string | undefined;
  async function call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
    const answer = await desk.call(method, input, { token });
    if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.data as DeskOutput<M>;
  }
  token = (await call('auth.login', { username: benchAdmin.username, password: benchAdmin.password })).token;
  return { desk, call };
}

/** `fn` on the plain and the encrypted desk in turn, `n` times each after a warm-up; each side's samples. */
async function paired(n: number, fn: (d: Signed, i: number) => Promise<unknown>, plain: Signed, encrypted: Signed) {
  for (let i = 0; i < 3; i++) {
    await fn(plain, i);
    await fn(encrypted, i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [d, out] of (i % 2 === 0
      ? [
          [plain, a],
          [encrypted, b],
        ]
      : [
          [encrypted, b],
          [plain, a],
        ]) as [Signed, number[]][]) {
      const started = performance.now();
      await fn(d, i);
      out.push(performance.now() - started);
    }
  }
  return { plain: summarise(a), encrypted: summarise(b) };
}

const registration = (i: number): DeskInput<'cases.register'> => ({
  type: 'complaint',
  channel: 'walkIn',
  complainant: { name: `测试${i}`, phone: `139${String(10_000_000 + i).slice(-8)}` },
  subject: '挂号窗口排队过久',
  content: '上午在门诊挂号窗口排队一个多小时，工作人员态度冷淡。',
});

export async function runPrivacyBench(o: PrivacyBenchOptions): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const log = o.log ?? (() => {});
  const tier = o.label;
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const add = (row: Omit<ResultRow, 'tier'>) => rows.push({ tier, ...row });
  const plainDir = benchDataDir(`${tier}-plain`);
  const encryptedDir = benchDataDir(`${tier}-encrypted`);
  const open: Desk[] = [];
  notes.push(
    `${tier} privacy: in the encrypted / unencrypted rows the floor column is the same call on the unencrypted copy, interleaved sample by sample`,
  );
  const keptDir = o.reuse ?? (o.keep || o.generateOnly ? benchDataDir(`${tier}-privacy-kept`) : null);
  try {
    // The store both sides start from: generated, or a kept one copied as it is (its migrations run when a desk opens the copy).
    const source = keptDir ?? plainDir;
    if (o.reuse) {
      log(`[${tier} privacy] reusing the kept store in ${o.reuse}`);
      notes.push(`${tier} privacy: the plain store kept in ${o.reuse} copied for both sides, nothing generated`);
    } else {
      await (await openBenchDesk(source)).close();
      log(`[${tier} privacy] generating ${o.count} cases of 2025`);
      const loaded = await bulkLoad({ dataDir: source, count: o.count, seed: o.seed, until: yearEnd, years: 1 });
      notes.push(`${tier} privacy: ${loaded.cases} cases, ${loaded.events} events generated in ${(loaded.ms / 1000).toFixed(0)} s`);
      if (keptDir) log(`[${tier} privacy] kept the plain store in ${keptDir} (--privacy --reuse ${keptDir})`);
      if (o.generateOnly) return { rows, notes };
    }
    if (source !== plainDir) {
      fs.rmSync(plainDir, { recursive: true, force: true });
      fs.cpSync(source, plainDir, { recursive: true });
    }
    fs.rmSync(encryptedDir, { recursive: true, force: true });
    fs.cpSync(source, encryptedDir, { recursive: true });

    log(`[${tier} privacy] encrypting the copy (the desk's own conversion of a plain store)`);
    const converting = performance.now();
    const encryptedDesk = await createDesk({
      dataDir: encryptedDir,
      keyring: hostKeyKeyring('keyFile', randomBytes(32)),
      log: (e) => console.error(e),
      backupScheduler: false,
    });
    open.push(encryptedDesk);
    add({
      metric: 'encryption: converting the plain store in place at first start (incl. opening)',
      unit: 's',
      value: (performance.now() - converting) / 1000,
    });
    const plainDesk = await createDesk({ dataDir: plainDir, log: (e) => console.error(e), backupScheduler: false });
    open.push(plainDesk);
    const plain = await signIn(plainDesk);
    const encrypted = await signIn(encryptedDesk);
    if ((await encrypted.call('keys.status', {})).encrypted !== true) throw new Error('the copy is not encrypted');

    const ratioRow = (metric: string, s: { plain: Sample; encrypted: Sample }, ratioMax: number) =>
      add({
        metric,
        value: s.encrypted,
        floor: s.plain,
        target: { max: Number.POSITIVE_INFINITY, of: 'median', text: `median ≤ ${ratioMax}× unencrypted`, ratioMax },
      });
    log(`[${tier} privacy] registration, board and search, encrypted against unencrypted`);
    let n = 0;
    ratioRow(
      'encrypted / unencrypted: cases.register (fsync each)',
      await paired(o.samples, (d) => d.call('cases.register', registration(n++)), plain, encrypted),
      1.15,
    );
    ratioRow(
      'encrypted / unencrypted: cases.board, every open column',
      await paired(o.samples, (d) => d.call('cases.board', {}), plain, encrypted),
      1.2,
    );
    const terms = [...searchTerms.two, ...searchTerms.three];
    ratioRow(
      'encrypted / unencrypted: cases.list q (2- and 3-character Chinese)',
      await paired(o.samples, (d, i) => d.call('cases.list', { q: terms[i % terms.length] as string }), plain, encrypted),
      1.2,
    );
    await plainDesk.close();

    log(`[${tier} privacy] sealing 2025 on the encrypted desk`);
    const preview = await encrypted.call('seals.preview', { year: 2025 });
    const sealing = performance.now();
    const sealed = await encrypted.call('seals.seal', { year: 2025, carryOver: preview.open.map((c) => c.id), confirm: true });
    add({
      metric: `seal a year: seals.seal of ${sealed.caseCount.toLocaleString('en')} cases (${preview.open.length} carried over), encrypted`,
      unit: 's',
      value: (performance.now() - sealing) / 1000,
      target: { max: 60, of: 'value', text: '≤ 60 s' },
    });
    const verifying = performance.now();
    const verified = await encrypted.call('seals.verify', { year: 2025 });
    add({ metric: `verify the sealed year (ok: ${verified.ok})`, unit: 's', value: (performance.now() - verifying) / 1000 });

    log(`[${tier} privacy] retention: ${o.removals} cases' data removed in batches`);
    const month = Object.fromEntries(recordTypes.map((t) => [t, 1])) as Record<(typeof recordTypes)[number], number>;
    await encrypted.call('retention.update', { periods: { personalData: month, evidence: 1 } });
    const previewing = performance.now();
    const due = await encrypted.call('retention.preview', {});
    add({
      metric: `retention dry run over the store (${due.total.toLocaleString('en')} cases due)`,
      unit: 's',
      value: (performance.now() - previewing) / 1000,
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    // A probe as the desk's other users see it: the longest wait for a timer due every 20 ms.
    let last = performance.now();
    let worst = 0;
    // The processor time the desk spent between two ticks: what blocked it, without the waits of a loaded machine.
    let busiest = 0;
    let lastCpu = process.cpuUsage();
    const probe = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last - 20);
      last = t;
      const cpu = process.cpuUsage(lastCpu);
      busiest = Math.max(busiest, (cpu.user + cpu.system) / 1000);
      lastCpu = process.cpuUsage();
    }, 20);
    delay.enable();
    const removing = performance.now();
    // As a supervisor does it: a dry run (it lists at most 200 cases), then the removal of those, again.
    const removed = { cases: 0 };
    let listed = due;
    while (removed.cases < o.removals && listed.cases.length > 0) {
      removed.cases += (await encrypted.call('retention.apply', { caseIds: listed.cases.map((c) => c.id), confirm: true })).cases;
      listed = await encrypted.call('retention.preview', {});
    }
    const seconds = (performance.now() - removing) / 1000;
    delay.disable();
    clearInterval(probe);
    add({
      metric: `retention: longest block of the desk while removing ${removed.cases.toLocaleString('en')} cases (timer probe)`,
      value: worst,
      target: { max: 200, of: 'value', text: '≤ 200 ms' },
      note: `event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; most processor time between two ticks ${busiest.toFixed(0)} ms; ${(removed.cases / seconds).toFixed(0)} cases/s`,
    });
    notes.push(
      `${tier} privacy: retention ran as a supervisor runs it, dry run then removal of the ${due.cases.length} cases it lists, repeated (each dry run reads the retention index); the longest block is the timer probe's worst lateness over all of it`,
    );
    return { rows, notes };
  } finally {
    for (const d of open) await d.close().catch(() => undefined);
    removeBenchDataDir(plainDir);
    removeBenchDataDir(encryptedDir);
  }
}
