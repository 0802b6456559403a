import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import SettingsView from './SettingsView';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/site-rules';
import { expectAccessible } from '../../tests/unit/fixtures/a11y';

function Harness({ onSave, site = 'example.org', showSiteList = false }: { onSave: (s: Settings) => Promise<void>; site?: string | null; showSiteList?: boolean }) {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  return (
    <SettingsView
      settings={settings}
      site={site}
      showSiteList={showSiteList}
      onChange={async (next) => {
        await onSave(next);
        setSettings(next);
      }}
    />
  );
}

/** Settings stored only when the test says so; "Redraw" redraws with the settings stored so far (an earlier change's news). */
function Slow({ saves }: { saves: { next: Settings; done: () => void; fail: (e: Error) => void }[] }) {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [, setRedraws] = useState(0);
  return (
    <div>
      <button type="button" onClick={() => setRedraws((n) => n + 1)}>
        Redraw
      </button>
      <SettingsView
        settings={{ ...settings }}
        site="example.org"
        onChange={(next) =>
          new Promise<void>((resolve, reject) => {
            saves.push({ next, done: () => (setSettings(next), resolve()), fail: reject });
          })
        }
      />
    </div>
  );
}

describe('SettingsView', () => {
  afterEach(cleanup);

  it('switches Backstory off and on for this site', async () => {
    const onSave = vi.fn(async () => {});
    const { container } = render(<Harness onSave={onSave} />);
    const siteSwitch = screen.getByRole('switch', { name: 'On example.org' });
    expect(siteSwitch.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(siteSwitch);
    await waitFor(() => expect(siteSwitch.getAttribute('aria-checked')).toBe('false'));
    expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['example.org'] }));
    expect(screen.getByText('Saved.').closest('[role="status"]')).toBeTruthy();
    fireEvent.click(siteSwitch);
    await waitFor(() => expect(siteSwitch.getAttribute('aria-checked')).toBe('true'));
    expectAccessible(container as HTMLElement);
  });

  it('switches off globally, which disables the site switch', async () => {
    render(<Harness onSave={async () => {}} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Backstory on all sites' }));
    await waitFor(() => expect((screen.getByRole('switch', { name: 'On example.org' }) as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByText('Turn Backstory on for all sites first.')).toBeTruthy();
  });

  it('changes highlight style and dwell time', async () => {
    const onSave = vi.fn(async () => {});
    render(<Harness onSave={onSave} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Background tint' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ highlightStyle: 'background' })));
    fireEvent.change(screen.getByLabelText('Popover delay'), { target: { value: '600' } });
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ dwellMs: 600 })));
    expect(screen.getByText('600 ms')).toBeTruthy();
  });

  it('keeps showing a choice while it is saved, and puts the stored one back when saving fails', async () => {
    const saves: { next: Settings; done: () => void; fail: (e: Error) => void }[] = [];
    render(<Slow saves={saves} />);
    const none = screen.getByRole('radio', { name: /^None/ }) as HTMLInputElement;
    const underline = screen.getByRole('radio', { name: 'Underline' }) as HTMLInputElement;
    fireEvent.click(none);
    fireEvent.click(screen.getByRole('button', { name: 'Redraw' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(none.checked).toBe(true);
    saves[0]!.done();
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect(none.checked).toBe(true);

    fireEvent.click(underline);
    fireEvent.click(screen.getByRole('button', { name: 'Redraw' }));
    await waitFor(() => expect(saves).toHaveLength(2));
    expect(underline.checked).toBe(true);
    saves[1]!.fail(new Error('storage full'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('storage full'));
    expect(none.checked).toBe(true);
    expect(underline.checked).toBe(false);
  });

  it('shows save errors in place', async () => {
    render(<Harness onSave={() => Promise.reject(new Error('quota'))} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Backstory on all sites' }));
    expect((await screen.findByRole('alert')).textContent).toContain('quota');
  });

  it('explains a tab without a site, and lists switched-off sites on the options page', async () => {
    render(<Harness onSave={async () => {}} site={null} showSiteList />);
    expect(screen.getByText(/not a web page/)).toBeTruthy();
    expect(screen.getByText(/None\. Switch Backstory off/)).toBeTruthy();
  });
});
