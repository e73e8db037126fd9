/**
 * Settings › Diagnostics: the doctor's report (`gate-glance doctor --json`'s object), one line
 * per part with its remedy under it, checked when Settings opens and on "Check again". It only
 * draws what `load` answers: the decisions are core's (`diagnose`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiagnosticHint, Diagnostics } from '../../../shared/diagnostics.js';
import type { Result } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/present/catalogue.js';
import { useWords } from '../lib/words.js';
import { SettingsSection } from './SettingsSection.js';

export interface DiagnosticsSectionProps {
  /** Runs the checks in main (`diagnostics:get`). */
  readonly load: () => Promise<Result<Diagnostics>>;
}

type Shown = { readonly kind: 'checking' } | { readonly kind: 'failed' } | { readonly kind: 'done'; readonly value: Diagnostics };

interface Row {
  readonly part: keyof Diagnostics;
  readonly value: string;
  readonly hint: DiagnosticHint | null;
}

/** The Diagnostics section. */
export function DiagnosticsSection({ load }: DiagnosticsSectionProps) {
  const words = useWords();
  const [shown, setShown] = useState<Shown>({ kind: 'checking' });

  const run = useCallback(() => {
    let live = true;
    void load().then((r) => {
      if (live) setShown(r.ok ? { kind: 'done', value: r.value } : { kind: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [load]);

  useEffect(() => run(), [run]);

  const checkAgain = (): void => {
    setShown({ kind: 'checking' });
    run();
  };

  const status = (s: string): string => words.t(`diagnostics.status.${s}` as MessageKey);
  const rows = (d: Diagnostics): Row[] => {
    const skew = d.gate.clockSkewMs === null ? null : words.t('diagnostics.clock', { seconds: (d.gate.clockSkewMs / 1000).toFixed(1) });
    return [
      { part: 'trayHost', value: status(d.trayHost.status), hint: d.trayHost.hint },
      { part: 'keychain', value: status(d.keychain.status), hint: d.keychain.hint },
      { part: 'dataDir', value: `${status(d.dataDir.status)} · ${d.dataDir.path}`, hint: d.dataDir.hint },
      { part: 'gate', value: skew === null ? status(d.gate.status) : `${status(d.gate.status)} · ${skew}`, hint: d.gate.hint },
      { part: 'proxy', value: d.proxy.url ?? words.t('diagnostics.proxy.none'), hint: null },
    ];
  };

  return (
    <SettingsSection title={words.t('diagnostics.title')} testId="diagnostics">
      <div aria-live="polite">
        {shown.kind === 'checking' ? <p className="muted">{words.t('diagnostics.checking')}</p> : null}
        {shown.kind === 'failed' ? <p className="warn">{words.t('diagnostics.failed')}</p> : null}
        {shown.kind === 'done' ? (
          <dl className="diagnostics">
            {rows(shown.value).map((row) => (
              <div key={row.part} data-testid={`diagnostics-${row.part}`} data-attention={row.hint !== null ? 'yes' : 'no'}>
                <dt>{words.t(`diagnostics.part.${row.part}` as MessageKey)}</dt>
                <dd>
                  {row.value}
                  {row.hint !== null ? <p className="warn">{words.t(`diagnostics.hint.${row.hint}` as MessageKey)}</p> : null}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={checkAgain} disabled={shown.kind === 'checking'} data-testid="diagnostics-check">
          {words.t('diagnostics.check')}
        </button>
      </div>
    </SettingsSection>
  );
}
