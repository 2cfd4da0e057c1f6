import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './apiClient.ts';
import type { Transport } from './transport.ts';

const refused: Transport = async () => ({ ok: false, error: { code: 'unauthenticated', message: '登录已过期' } });

describe('the api client', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('tells the app of a refused session, except while a restore ends it on purpose', async () => {
    const client = createApiClient<{ 'x.get': object }, { 'x.get': number }>(refused, () => 'zh-CN', 'k');
    const heard: string[] = [];
    client.listenForRefusals((code) => heard.push(code));
    await expect(client.call('x.get', {})).rejects.toThrow('登录已过期');
    expect(heard).toEqual(['unauthenticated']);
    client.expectSessionEnd(true);
    await expect(client.call('x.get', {})).rejects.toThrow('登录已过期');
    expect(heard).toEqual(['unauthenticated']);
    client.expectSessionEnd(false);
    await expect(client.call('x.get', {})).rejects.toThrow();
    expect(heard).toEqual(['unauthenticated', 'unauthenticated']);
  });
});
