import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchFile } from './client.ts';

const busy = (retryAfter: string | null) =>
  new Response(JSON.stringify({ error: { code: 'BUSY', message: '正在生成其他文件' } }), {
    status: 429,
    headers: retryAfter === null ? {} : { 'Retry-After': retryAfter },
  });
const pdf = () =>
  new Response('%PDF-1.3', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''a.pdf" } });

/** fetch answering with the given responses in order; records the paths asked. */
function stubFetch(...responses: Response[]): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string) => {
      asked.push(path);
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return Promise.resolve(next);
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchFile: a download waits out 429 BUSY', () => {
  it('waits the Retry-After seconds, tells the user each time, and returns the file', async () => {
    const asked = stubFetch(busy('3'), busy('1'), pdf());
    const waits: number[] = [];
    const notices: [number, number][] = [];
    const response = await fetchFile('/api/x.pdf', {
      sleep: async (ms) => {
        waits.push(ms);
      },
      onBusy: (seconds, retry) => notices.push([seconds, retry]),
    });
    expect(await response.text()).toBe('%PDF-1.3');
    expect(asked).toEqual(['/api/x.pdf', '/api/x.pdf', '/api/x.pdf']);
    expect(waits).toEqual([3000, 1000]);
    expect(notices).toEqual([
      [3, 1],
      [1, 2],
    ]);
  });

  it("gives up after the bounded number of attempts with the server's BUSY error", async () => {
    stubFetch(busy('1'), busy('1'), busy('1'));
    const failure = await fetchFile('/api/x.pdf', { attempts: 3, sleep: async () => {} }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 429, code: 'BUSY' });
  });

  it('caps a long or missing Retry-After, and does not retry other failures', async () => {
    stubFetch(busy('600'), busy(null), pdf());
    const waits: number[] = [];
    await fetchFile('/api/x.pdf', {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([30_000, 2000]);

    stubFetch(new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: '无权' } }), { status: 403 }));
    await expect(
      fetchFile('/api/x.pdf', {
        sleep: async () => {
          throw new Error('must not wait');
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
