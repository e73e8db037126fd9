/** Settings › General: how often to refresh, opening at login, and the global shortcut. */
import type { DesktopStatus, PreferencesPatch, ShortcutStatus } from '../../../shared/ipc.js';
import { MAX_REFRESH_INTERVAL_SEC, MIN_REFRESH_INTERVAL_SEC, type Preferences } from '../../../shared/prefs.js';
import type { Words } from '../../../shared/present/words.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';
import { ShortcutField } from './ShortcutField.js';

/** Props: the preferences, whether the shortcut is held, and where changes go. */
export interface GeneralSettingsProps {
  readonly prefs: Preferences;
  /** Whether the system granted `prefs.globalShortcut`. */
  readonly shortcut: ShortcutStatus;
  /** What the system reports of the login item (macOS 13+ may wait for the user's approval). */
  readonly loginItem: DesktopStatus['loginItem'];
  readonly onChange: (patch: PreferencesPatch) => void;
  /** Opens System Settings › Login Items (the login item waits for approval). */
  readonly onOpenLoginItems: () => void;
}

const INTERVALS = [60, 120, 300, 600, 900, 1800, 3600].filter((s) => s >= MIN_REFRESH_INTERVAL_SEC && s <= MAX_REFRESH_INTERVAL_SEC);

function intervalLabel(words: Words, sec: number): string {
  if (sec % 3600 === 0) return sec === 3600 ? words.t('settings.every-hour') : words.t('settings.every-hours', { count: sec / 3600 });
  if (sec % 60 === 0) return sec === 60 ? words.t('settings.every-minute') : words.t('settings.every-minutes', { count: sec / 60 });
  return words.t('settings.every-seconds', { count: sec });
}

/** The General section. */
export function GeneralSettings(props: GeneralSettingsProps) {
  const words = useWords();
  const { prefs, onChange } = props;
  const intervals = INTERVALS.includes(prefs.refreshIntervalSec)
    ? INTERVALS
    : [...INTERVALS, prefs.refreshIntervalSec].sort((a, b) => a - b);
  return (
    <SettingsSection title={words.t('settings.section-general')} testId="settings-general">
      <label className="field">
        <span>{words.t('settings.refresh')}</span>
        <select value={prefs.refreshIntervalSec} onChange={(e) => onChange({ refreshIntervalSec: Number(e.target.value) })}>
          {intervals.map((s) => (
            <option key={s} value={s}>
              {intervalLabel(words, s)}
            </option>
          ))}
        </select>
        <small className="muted">{words.t('settings.refresh-note')}</small>
      </label>

      <label className="check">
        <input type="checkbox" checked={prefs.launchAtLogin} onChange={(e) => onChange({ launchAtLogin: e.target.checked })} />
        <span>{words.t('settings.launch-at-login')}</span>
      </label>
      {props.loginItem === 'requires-approval' ? (
        <p className="muted" role="note" data-testid="login-item-approval">
          {words.t('settings.login-item-approval')}{' '}
          <button type="button" className="link-button" data-testid="open-login-items" onClick={props.onOpenLoginItems}>
            {words.t('settings.open-login-items')}
          </button>
        </p>
      ) : null}
      <ShortcutField {...props} />
    </SettingsSection>
  );
}
