import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskMethods } from '../../domain/api/deskApi.ts';
import type { Handlers } from '../dispatcher.ts';
import { joinHandlerMaps } from '../handlerMaps.ts';

const coreDir = path.resolve(import.meta.dirname, '..');

/** Every `*Handlers.ts` file under core/, by its folder. */
function handlerFiles(): { folder: string; file: string; methods: string[] }[] {
  return fs
    .readdirSync(coreDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)[a-zA-Z]+Handlers\.ts$/.test(f) && !f.startsWith('test/'))
    .map((file) => {
      const source = fs.readFileSync(path.join(coreDir, file), 'utf8');
      // A handler map's entries: `'prefix.name': ...` at the start of a line.
      const methods = [...source.matchAll(/^\s+'([a-zA-Z]+\.[a-zA-Z]+)':/gm)].map((m) => m[1] ?? '');
      return { folder: path.dirname(file), file, methods };
    });
}

describe('the handler maps', () => {
  it('each live in the core folder their namespace names, and define only that namespace', () => {
    const files = handlerFiles();
    expect(files.length).toBeGreaterThan(15);
    for (const { folder, file, methods } of files) {
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) expect(method.split('.')[0], `${method} in ${file}`).toBe(folder);
    }
  });

  it('define every DeskMethod exactly once between them', () => {
    const defined = handlerFiles().flatMap((f) => f.methods);
    const twice = defined.filter((m, i) => defined.indexOf(m) !== i);
    expect(twice).toEqual([]);
    expect([...defined].sort()).toEqual(Object.keys(deskMethods).sort());
  });

  const handler = async () => ({});
  const onTime = { 'reports.onTime': handler } as unknown as Partial<Handlers>;

  it('join into the desk, refusing a method outside its map, one defined twice and one left out', () => {
    expect(() => joinHandlerMaps([{ prefix: 'cases', handlers: {} }])).toThrow(/No handler for/);
    const byPrefix = new Map<string, Record<string, unknown>>();
    for (const method of Object.keys(deskMethods)) {
      const prefix = method.split('.')[0] ?? '';
      byPrefix.set(prefix, { ...byPrefix.get(prefix), [method]: handler });
    }
    const maps = [...byPrefix].map(([prefix, handlers]) => ({ prefix, handlers: handlers as Partial<Handlers> }));
    expect(Object.keys(joinHandlerMaps(maps)).sort()).toEqual(Object.keys(deskMethods).sort());
    expect(() => joinHandlerMaps([...maps, { prefix: 'reports', handlers: onTime }])).toThrow('reports.onTime has two handlers');
    expect(() => joinHandlerMaps([...maps, { prefix: 'deadlines', handlers: onTime }])).toThrow(/outside their namespace/);
  });
});
