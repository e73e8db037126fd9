/**
 * Preferences and the key. Every change goes to main at once (main validates and stores);
 * the panel shows what main's state says. The key is only ever known by its hint.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CredentialsStatus, PreferencesPatch } from '../../../shared/ipc.js';
import {
  MAX_REFRESH_INTERVAL_SEC,
  MAX_SMALL_SLICE_THRESHOLD_PERCENT,
  MIN_REFRESH_INTERVAL_SEC,
  type Preferences,
} from '../../../shared/prefs.js';

/** Props: current preferences and key status, and what the controls do. */
export interface SettingsPanelProps {
  readonly prefs: Preferences;
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly onReplaceKey: () => void;
  readonly onRemoveKey: () => void;
  readonly onClose: () => void;
}

const INTERVALS = [60, 120, 300, 600, 900, 1800, 3600].filter(
  (s) => s >= MIN_REFRESH_INTERVAL_SEC && s <= MAX_REFRESH_INTERVAL_SEC,
);
const THRESHOLDS = [0, 1, 2, 3, 5, 10, 20].filter((p) => p <= MAX_SMALL_SLICE_THRESHOLD_PERCENT);

function intervalLabel(sec: number): string {
  if (sec % 3600 === 0) return sec === 3600 ? 'Every hour' : `Every ${sec / 3600} h`;
  if (sec % 60 === 0) return sec === 60 ? 'Every minute' : `Every ${sec / 60} min`;
  return `Every ${sec} s`;
}

/** The settings view. */
export function SettingsPanel({ prefs, credentials, demo, onChange, onReplaceKey, onRemoveKey, onClose }: SettingsPanelProps) {
  const id = useId();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land in the panel they just opened.
  useEffect(() => heading.current?.focus(), []);
  const intervals = INTERVALS.includes(prefs.refreshIntervalSec) ? INTERVALS : [...INTERVALS, prefs.refreshIntervalSec].sort((a, b) => a - b);
  const thresholds = THRESHOLDS.includes(prefs.smallSliceThresholdPercent)
    ? THRESHOLDS
    : [...THRESHOLDS, prefs.smallSliceThresholdPercent].sort((a, b) => a - b);

  return (
    <section className="settings" aria-labelledby={`${id}-title`} data-testid="settings-panel">
      <div className="section-head">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Settings
        </h1>
        <button type="button" className="button" onClick={onClose} data-testid="settings-close">
          Done
        </button>
      </div>

      <label className="field">
        <span>Refresh</span>
        <select
          value={prefs.refreshIntervalSec}
          onChange={(e) => onChange({ refreshIntervalSec: Number(e.target.value) })}
        >
          {intervals.map((s) => (
            <option key={s} value={s}>
              {intervalLabel(s)}
            </option>
          ))}
        </select>
        <small className="muted">Gate updates this figure at most once a minute.</small>
      </label>

      <label className="field">
        <span>Group small accounts into “Other”</span>
        <select
          value={prefs.smallSliceThresholdPercent}
          onChange={(e) => onChange({ smallSliceThresholdPercent: Number(e.target.value) })}
        >
          {thresholds.map((p) => (
            <option key={p} value={p}>
              {p === 0 ? 'Never' : `Below ${p} %`}
            </option>
          ))}
        </select>
      </label>

      <label className="check">
        <input type="checkbox" checked={prefs.privacy} onChange={(e) => onChange({ privacy: e.target.checked })} />
        <span>Privacy mode (hide every amount)</span>
      </label>

      <label className="check">
        <input
          type="checkbox"
          checked={prefs.launchAtLogin}
          onChange={(e) => onChange({ launchAtLogin: e.target.checked })}
        />
        <span>Open at login</span>
      </label>

      <div className="key-box" data-testid="key-status">
        <h2>API key</h2>
        {credentials.keychainError !== null ? (
          <p className="warn">
            {credentials.keychainError.message} {credentials.keychainError.hint}
          </p>
        ) : null}
        <p className="muted">
          {credentials.stored
            ? `A key ending ${credentials.keyHint ?? '…'} is stored in the system keychain.`
            : demo
              ? 'No key stored: showing demo data.'
              : 'No key stored.'}
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onReplaceKey} data-testid="replace-key">
            {credentials.stored ? 'Replace key' : 'Add key'}
          </button>
          {credentials.stored && !confirmRemove ? (
            <button type="button" className="button danger" onClick={() => setConfirmRemove(true)} data-testid="remove-key">
              Remove key
            </button>
          ) : null}
        </div>
        {confirmRemove ? (
          <div className="confirm" role="group" aria-label="Confirm removal">
            <p>Remove the key from the keychain? The widget stops updating until you add one again.</p>
            <button
              type="button"
              className="button danger"
              data-testid="confirm-remove-key"
              onClick={() => {
                setConfirmRemove(false);
                onRemoveKey();
              }}
            >
              Remove
            </button>
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
