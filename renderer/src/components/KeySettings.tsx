/**
 * Settings › API key: the stored key by its hint only, what Gate says of it (KeyHealthSection),
 * replace it, or remove it after a question that also asks whether the history recorded from
 * this endpoint goes with it.
 */
import { useState } from 'react';
import type { CredentialsStatus } from '../../../shared/ipc.js';
import type { KeyHealthState } from '../../../shared/key-health.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { useWords } from '../lib/words.js';
import { KeyHealthSection } from './KeyHealthSection.js';

/** Props: the key status and what the buttons do. */
export interface KeySettingsProps {
  readonly credentials: CredentialsStatus;
  readonly demo: boolean;
  readonly onReplaceKey: () => void;
  /** `forgetHistory`: the user also asked to forget the local history. */
  readonly onRemoveKey: (forgetHistory: boolean) => void;
  /** What Gate says of the key (null with no key); with `now` and "Check now". */
  readonly keyHealth?: KeyHealthState | null;
  readonly now?: number;
  readonly onCheckKeyHealth?: () => void;
}

/** The API key section. */
export function KeySettings({ credentials, demo, onReplaceKey, onRemoveKey, keyHealth, now, onCheckKeyHealth }: KeySettingsProps) {
  const words = useWords();
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Keeping the history is the default: a replaced key reads the same account.
  const [forgetHistory, setForgetHistory] = useState(false);
  const keychain = credentials.keychainError === null ? null : errorWords(words, credentials.keychainError);
  return (
    <div className="key-box" data-testid="key-status">
      <h2>{words.t('settings.api-key')}</h2>
      {keychain !== null ? (
        <p className="warn">
          {keychain.message} {keychain.hint}
        </p>
      ) : null}
      <p className="muted">
        {credentials.stored
          ? words.t('settings.key-stored', { hint: credentials.keyHint ?? '…' })
          : words.t(demo ? 'settings.no-key-demo' : 'settings.no-key')}
      </p>
      {keyHealth != null && now !== undefined && onCheckKeyHealth !== undefined ? (
        <KeyHealthSection keyHealth={keyHealth} now={now} onCheckNow={onCheckKeyHealth} />
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onReplaceKey} data-testid="replace-key">
          {words.t(credentials.stored ? 'settings.replace-key' : 'settings.add-key')}
        </button>
        {credentials.stored && !confirmRemove ? (
          <button type="button" className="button danger" onClick={() => setConfirmRemove(true)} data-testid="remove-key">
            {words.t('settings.remove-key')}
          </button>
        ) : null}
      </div>
      {confirmRemove ? (
        <div className="confirm" role="group" aria-label={words.t('settings.confirm-removal')}>
          <p>{words.t('settings.remove-question')}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={forgetHistory}
              data-testid="forget-history"
              onChange={(e) => setForgetHistory(e.target.checked)}
            />
            <span>{words.t('settings.forget-history')}</span>
          </label>
          <button
            type="button"
            className="button danger"
            data-testid="confirm-remove-key"
            onClick={() => {
              setConfirmRemove(false);
              onRemoveKey(forgetHistory);
            }}
          >
            {words.t('settings.remove')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
            {words.t('settings.keep')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
