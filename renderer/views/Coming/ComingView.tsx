// ComingView.tsx — a view that is not built yet says what it will show and when, instead of drawing
// made-up data.
import type { ViewEntry } from '../views.ts';
import './ComingView.css';

export function ComingView({ entry }: { readonly entry: ViewEntry }) {
  return (
    <section className="coming" aria-labelledby={`${entry.id}-title`}>
      <div className="view-toolbar">
        <h1 id={`${entry.id}-title`} className="view-title">{entry.label}</h1>
        <span className="coming-badge">Coming</span>
      </div>
      <div className="coming-body">
        <p>{entry.coming?.summary}</p>
        <p className="coming-when">{entry.coming?.arrives}</p>
      </div>
    </section>
  );
}
