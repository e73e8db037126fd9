/**
 * One line in the popover while no tray host shows the icon (the popover is then an ordinary
 * window): what is missing and the remedy for this desktop, in Diagnostics' own words.
 */
import type { DiagnosticHint } from '../../../shared/diagnostics.js';
import { useWords } from '../lib/words.js';

export interface TrayHostNoticeProps {
  /** `WidgetState.desktop.trayHostHint`: null while a host is there (or none is needed). */
  readonly hint: DiagnosticHint | null;
}

export function TrayHostNotice({ hint }: TrayHostNoticeProps) {
  const words = useWords();
  if (hint === null) return null;
  return (
    <p className="muted tray-host-notice" role="note" data-testid="tray-host-notice">
      {words.t('popover.no-tray-host', { remedy: words.t(`diagnostics.hint.${hint}`) })}
    </p>
  );
}
