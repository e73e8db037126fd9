/** The popover's one line about an update, only when there is something to do: download it, open its release page, or restart. */
import type { UpdateState } from '../../../shared/updates.js';
import type { UpdateAction } from '../use-glance.js';
import { useWords } from '../lib/words.js';

export interface UpdateBarProps {
  readonly update: UpdateState;
  readonly onAction: (action: UpdateAction) => void;
}

export function UpdateBar({ update, onAction }: UpdateBarProps) {
  const words = useWords();
  const { phase, mode } = update;
  let text: string;
  let action: UpdateAction;
  let label: string;
  if (phase.kind === 'ready') {
    text = words.t('update.bar.ready', { version: phase.version });
    action = 'restart';
    label = words.t('update.restart');
  } else if (phase.kind === 'available' && (mode === 'self' || phase.releaseUrl !== null)) {
    text = words.t('update.phase.available', { version: phase.version });
    action = mode === 'self' ? 'download' : 'release-page';
    label = words.t(mode === 'self' ? 'update.download' : 'update.release-page');
  } else {
    return null;
  }
  return (
    <div className="update-bar" role="status" data-testid="update-bar">
      <span>{text}</span>
      <button type="button" className="link-button" onClick={() => onAction(action)}>
        {label}
      </button>
    </div>
  );
}
