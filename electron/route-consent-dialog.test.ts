import { describe, expect, it, vi } from 'vitest';
import { createDialogRouteConsent, routeConsentMessage } from './route-consent-dialog';

const request = { profileAlias: 'Work', host: '10.0.0.5', port: 9000, kind: 'endpoint' as const };

describe('the route consent dialog', () => {
  it('names the profile, the exact host and port and what the address is for', () => {
    const { message, detail } = routeConsentMessage(request);
    expect(message).toBe('Allow profile “Work” to connect to 10.0.0.5:9000?');
    expect(detail).toContain("10.0.0.5:9000 is this profile's endpoint");
    expect(detail).toContain('nothing is sent');
  });

  it('shows the page-chosen alias without bidi overrides or other invisible characters', () => {
    const { message } = routeConsentMessage({ ...request, profileAlias: 'A\u202Emoc.duolqcym\u202C\u200B' });
    expect(message).toBe('Allow profile “Amoc.duolqcym” to connect to 10.0.0.5:9000?');
  });

  it('is Yes only for the Yes button; No, Escape (cancel) and a missing window are No or attached to nothing', async () => {
    const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false }));
    const consent = createDialogRouteConsent({ showMessageBox } as never, () => undefined);
    expect(await consent.ask(request)).toBe(true);
    expect(showMessageBox.mock.calls[0]).toHaveLength(1);
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(await consent.ask(request)).toBe(false);
  });
});

describe('the route consent dialog in 简体中文', () => {
  it('asks in the language the user chose, with 否 as the default', async () => {
    const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false }));
    const consent = createDialogRouteConsent({ showMessageBox } as never, () => undefined, () => 'zh-CN');
    expect(await consent.ask({ ...request, kind: 'proxy' })).toBe(false);
    const [options] = showMessageBox.mock.calls[0] as [{ title: string; message: string; detail: string; buttons: string[]; defaultId: number }];
    expect(options.title).toBe('连接到腾讯云以外的地址？');
    expect(options.message).toBe('允许配置“Work”连接到 10.0.0.5:9000？');
    expect(options.detail).toContain('10.0.0.5:9000 是此配置的代理');
    expect(options.buttons[options.defaultId]).toBe('否');
  });
});
