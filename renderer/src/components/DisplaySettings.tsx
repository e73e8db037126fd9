/**
 * Settings › Display: grouping small accounts, privacy, the Linux tray icon, how a rise and a
 * fall are coloured, and (macOS) whether the menu bar shows the 24-hour change.
 */
import { CHANGE_COLOUR_RULES, type ChangeColourRule } from '../../../shared/change.js';
import type { PreferencesPatch } from '../../../shared/ipc.js';
import {
  MAX_SMALL_SLICE_THRESHOLD_PERCENT,
  TRAY_PANEL_PREFERENCES,
  type Preferences,
  type TrayPanelPreference,
} from '../../../shared/prefs.js';
import { isMac } from '../lib/platform.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';

/** Props: the preferences and where changes go; `mac` decides whether the menu-bar option shows. */
export interface DisplaySettingsProps {
  readonly prefs: Preferences;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly mac?: boolean;
}

const THRESHOLDS = [0, 1, 2, 3, 5, 10, 20].filter((p) => p <= MAX_SMALL_SLICE_THRESHOLD_PERCENT);

const TRAY_PANEL_WORDS = {
  automatic: 'settings.tray-panel-automatic',
  light: 'settings.tray-panel-light',
  dark: 'settings.tray-panel-dark',
} as const satisfies Readonly<Record<TrayPanelPreference, string>>;

const COLOUR_WORDS = {
  auto: 'settings.change-colours-auto',
  'green-up': 'settings.change-colours-green-up',
  'red-up': 'settings.change-colours-red-up',
} as const satisfies Readonly<Record<ChangeColourRule, string>>;

/** The Display section. */
export function DisplaySettings({ prefs, onChange, mac = isMac() }: DisplaySettingsProps) {
  const words = useWords();
  const thresholds = THRESHOLDS.includes(prefs.smallSliceThresholdPercent)
    ? THRESHOLDS
    : [...THRESHOLDS, prefs.smallSliceThresholdPercent].sort((a, b) => a - b);
  return (
    <SettingsSection title={words.t('settings.section-display')} testId="settings-display">
      <label className="field">
        <span>{words.t('settings.group-small')}</span>
        <select value={prefs.smallSliceThresholdPercent} onChange={(e) => onChange({ smallSliceThresholdPercent: Number(e.target.value) })}>
          {thresholds.map((p) => (
            <option key={p} value={p}>
              {p === 0 ? words.t('settings.group-never') : words.t('settings.group-below', { percent: p })}
            </option>
          ))}
        </select>
      </label>

      <label className="check">
        <input type="checkbox" checked={prefs.privacy} onChange={(e) => onChange({ privacy: e.target.checked })} />
        <span>{words.t('settings.privacy')}</span>
      </label>

      <label className="field">
        <span>{words.t('settings.change-colours')}</span>
        <select
          value={prefs.changeColours}
          data-testid="change-colours-select"
          onChange={(e) => onChange({ changeColours: e.target.value as ChangeColourRule })}
        >
          {CHANGE_COLOUR_RULES.map((r) => (
            <option key={r} value={r}>
              {words.t(COLOUR_WORDS[r])}
            </option>
          ))}
        </select>
      </label>

      {mac ? (
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.trayShowsChange}
            data-testid="tray-shows-change"
            onChange={(e) => onChange({ trayShowsChange: e.target.checked })}
          />
          <span>{words.t('settings.tray-shows-change')}</span>
        </label>
      ) : null}

      <label className="field">
        <span>{words.t('settings.tray-panel')}</span>
        <select
          value={prefs.trayPanel}
          data-testid="tray-panel-select"
          onChange={(e) => onChange({ trayPanel: e.target.value as TrayPanelPreference })}
        >
          {TRAY_PANEL_PREFERENCES.map((p) => (
            <option key={p} value={p}>
              {words.t(TRAY_PANEL_WORDS[p])}
            </option>
          ))}
        </select>
      </label>
    </SettingsSection>
  );
}
