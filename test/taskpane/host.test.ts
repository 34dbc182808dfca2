import { watchHost, type HostInfo } from '../../src/taskpane/host';

type OfficeStub = { onReady: () => Promise<{ host: string | null; platform: string | null }> };
const g = globalThis as unknown as { Office?: OfficeStub & { HostType: { Excel: string } } };

function withOffice(onReady: OfficeStub['onReady']): void {
  g.Office = { onReady, HostType: { Excel: 'Excel' } };
}

function collect(timeoutMs: number): { seen: HostInfo[] } {
  const seen: HostInfo[] = [];
  watchHost((info) => seen.push(info), timeoutMs);
  return { seen };
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  delete g.Office;
});

describe('where the pane runs', () => {
  it('office.js did not load (offline, blocked): standalone at once', () => {
    expect(collect(50).seen).toEqual([{ kind: 'standalone', reason: 'no-office-js' }]);
  });

  it('a browser tab: onReady answers without a host', async () => {
    withOffice(async () => ({ host: null, platform: null }));
    const { seen } = collect(50);
    await tick();
    expect(seen).toEqual([{ kind: 'standalone', reason: 'no-host' }]);
  });

  it('Excel', async () => {
    withOffice(async () => ({ host: 'Excel', platform: 'OfficeOnline' }));
    const { seen } = collect(50);
    await tick();
    expect(seen).toEqual([
      { kind: 'office', host: 'Excel', platform: 'OfficeOnline', isExcel: true },
    ]);
  });

  it('a slow Excel: usable standalone first, then Excel when it answers', async () => {
    withOffice(
      () => new Promise((r) => setTimeout(() => r({ host: 'Excel', platform: 'PC' }), 60)),
    );
    const { seen } = collect(20);
    await tick(100);
    expect(seen).toEqual([
      { kind: 'standalone', reason: 'timeout' },
      { kind: 'office', host: 'Excel', platform: 'PC', isExcel: true },
    ]);
  });
});
