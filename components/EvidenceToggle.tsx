import { useId, useState } from 'preact/hooks';
import type { Source } from '../lib/dataset/types';

/** Props of {@link EvidenceToggle}. */
export interface EvidenceToggleProps {
  /** Verbatim text from the source. */
  evidence: string;
  /** The source the evidence comes from, named in the button's accessible name. */
  source: Source | undefined;
  /** Start expanded (the popup's detail view may want this). */
  initiallyOpen?: boolean;
}

/** A disclosure button that reveals the verbatim evidence for a fact. */
export default function EvidenceToggle({ evidence, source, initiallyOpen = false }: EvidenceToggleProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  const from = source ? ` from ${source.publisher}` : '';
  return (
    <span class="evidence-toggle">
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Evidence${from}`}
        onClick={() => setOpen(!open)}
      >
        Evidence
      </button>
      <blockquote id={id} class="evidence" hidden={!open} dir="auto">
        {evidence}
      </blockquote>
    </span>
  );
}
