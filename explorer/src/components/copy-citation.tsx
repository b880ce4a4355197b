/** Copies a claim as a citation; says so, or shows the text to copy by hand where the clipboard is refused. */
import { useState } from 'react';
import { citation, type CitableClaim } from '../lib/citation';

export function CopyCitation({ claim }: { claim: CitableClaim }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const text = citation(claim);
  return (
    <span className="copy-citation">
      <button
        type="button"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => {
              setState('copied');
            },
            () => {
              setState('refused');
            },
          );
        }}
      >
        Copy citation
      </button>
      <span role="status" className="copy-state">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'refused' ? <textarea readOnly value={text} aria-label="Citation" rows={3} /> : null}
    </span>
  );
}
