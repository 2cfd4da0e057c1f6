import { deskMethods } from '../domain/api/deskApi.ts';
import type { Handlers } from './dispatcher.ts';

/** One namespace's handlers, from the core folder of the same name: every method it defines carries its prefix. */
export interface HandlerMap<H = Handlers> {
  prefix: string;
  handlers: Partial<H>;
}

/**
 * The desk's handlers from its namespaces' maps. A map defining a method outside its prefix, a
 * method defined twice (a spread would let the later one win without a word) or a method with
 * no handler stops the desk from starting, so no test that opens one can pass.
 */
export function joinHandlerMaps(maps: readonly HandlerMap[]): Handlers {
  return joinMethodMaps<Handlers>(maps, deskMethods);
}

/** The same join for any method list (the group console's too): every method of `declared` gets exactly one handler. */
export function joinMethodMaps<H>(maps: readonly HandlerMap<H>[], declared: Readonly<Record<string, unknown>>): H {
  const joined: Record<string, unknown> = {};
  for (const { prefix, handlers } of maps) {
    for (const [method, handler] of Object.entries(handlers)) {
      if (!method.startsWith(`${prefix}.`)) throw new Error(`The ${prefix} handlers define ${method}, outside their namespace`);
      if (Object.hasOwn(joined, method)) throw new Error(`${method} has two handlers`);
      joined[method] = handler;
    }
  }
  const missing = Object.keys(declared).filter((m) => !Object.hasOwn(joined, m));
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);
  return joined as H;
}
