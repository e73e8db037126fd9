/**
 * Gate's (or the system's) own code and words for an error, folded away under "Details" with a
 * copy button: what a support request needs, never dropped into the sentence people read.
 */
import { useState } from 'react';
import { useWords } from '../lib/words.js';

/** Props: the error's code and its raw detail (Gate's label and message), if any. */
export interface ErrorDetailsProps {
  readonly code: string;
  readonly detail: string | null;
}

/** A closed disclosure with the code, the raw detail and a copy button. */
export function ErrorDetails({ code, detail }: ErrorDetailsProps) {
  const words = useWords();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = detail === null ? code : `${code}: ${detail}`;
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <details className="panel-details" data-testid="error-details">
      <summary>{words.t('panel.details')}</summary>
      <code className="panel-code" data-testid="error-detail-text">
        {text}
      </code>
      <button type="button" className="link-button" data-testid="error-detail-copy" onClick={copy}>
        {words.t(copied === 'yes' ? 'total.copied' : copied === 'failed' ? 'total.copy-failed' : 'panel.copy-details')}
      </button>
    </details>
  );
}
