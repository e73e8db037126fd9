/** Settings › Updates: the version, the automatic switches, where the updater stands and the one action that fits. */
import type { PreferencesPatch } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import { shortDateTime } from '../../../shared/present/dates.js';
import type { UpdateState } from '../../../shared/updates.js';
import type { UpdateAction } from '../use-glance.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';
import { UpdateStatusText } from './UpdateStatusText.js';

export interface UpdatesSettingsProps {
  readonly update: UpdateState;
  readonly prefs: Preferences;
  readonly onChange: (patch: PreferencesPatch) => void;
  readonly onAction: (action: UpdateAction) => void;
}

export function UpdatesSettings({ update, prefs, onChange, onAction }: UpdatesSettingsProps) {
  const words = useWords();
  const { phase, mode } = update;
  return (
    <SettingsSection title={words.t('update.section')} testId="settings-updates">
      {update.currentVersion !== '' ? <p>{words.t('update.version', { version: update.currentVersion })}</p> : null}
      {mode === 'none' ? (
        <p className="muted">{words.t('update.mode.none')}</p>
      ) : (
        <>
          <label className="check">
            <input type="checkbox" checked={prefs.checkForUpdates} onChange={(e) => onChange({ checkForUpdates: e.target.checked })} />
            <span>{words.t('update.check-automatically')}</span>
          </label>
          {mode === 'self' ? (
            <label className="check">
              <input
                type="checkbox"
                checked={prefs.downloadUpdatesAutomatically}
                onChange={(e) => onChange({ downloadUpdatesAutomatically: e.target.checked })}
              />
              <span>{words.t('update.download-automatically')}</span>
            </label>
          ) : null}
          <p role="status" data-testid="update-status">
            <UpdateStatusText update={update} />{' '}
            <small className="muted">
              {update.lastCheckAt === null
                ? words.t('update.never-checked')
                : words.t('update.last-check', { time: shortDateTime(words, update.lastCheckAt) })}
            </small>
          </p>
          <div className="actions">
            {phase.kind === 'ready' ? (
              <button type="button" className="button primary" onClick={() => onAction('restart')}>
                {words.t('update.restart')}
              </button>
            ) : phase.kind === 'available' && mode === 'self' ? (
              <button type="button" className="button primary" onClick={() => onAction('download')}>
                {words.t('update.download')}
              </button>
            ) : phase.kind === 'available' && phase.releaseUrl !== null ? (
              <button type="button" className="button" onClick={() => onAction('release-page')}>
                {words.t('update.release-page')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                disabled={phase.kind === 'checking' || phase.kind === 'downloading'}
                onClick={() => onAction('check')}
              >
                {words.t('update.check-now')}
              </button>
            )}
          </div>
        </>
      )}
    </SettingsSection>
  );
}
