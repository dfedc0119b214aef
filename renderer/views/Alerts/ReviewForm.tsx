// ReviewForm.tsx — a review of one alert: the moves its state allows (the one table of moves,
// shared/surveillance/alert-transitions.ts), a comment saying why (required: the journal keeps it
// forever), signed by main with the reviewer's name from Settings — asked for here when none is set.
// Main's refusal is shown as it is (one sentence); nothing is assumed recorded until main answers.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { MAX_COMMENT_LENGTH } from '../../../shared/surveillance/alert-transitions.ts';
import type { AlertState } from '../../../shared/surveillance/alert.ts';
import { MOVE_LABELS, movesFrom, STATE_LABELS } from '../../format/alert-format.ts';
import type { AlertsController } from '../../state/alerts/alerts-controller.ts';
import { useSurveillanceStore } from '../../state/surveillance-store.ts';

export function ReviewForm({ api, controller, alert }: { readonly api: FillwatchApi; readonly controller: AlertsController; readonly alert: SurveillanceAlertWire }) {
  const id = useId();
  const settings = useSurveillanceStore((s) => s.settings);
  const load = useSurveillanceStore((s) => s.load);
  const moves = movesFrom(alert.state);
  const [to, setTo] = useState<AlertState>(moves[0]!);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const [tried, setTried] = useState(false);
  useEffect(() => { if (settings === null) void load(api); }, [api, settings, load]);
  useEffect(() => { if (!moves.includes(to)) setTo(moves[0]!); }, [moves, to]);

  if (settings === null) return <p className="alerts-dim" role="status">Reading who signs reviews…</p>;
  if (settings.reviewer === null) return <ReviewerName api={api} />;
  const missing = comment.trim() === '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) return setMessage({ error: true, text: 'Write a comment saying why: every review keeps one.' });
    setBusy(true);
    const refused = await controller.review(alert.id, to, comment);
    setBusy(false);
    if (refused !== null) return setMessage({ error: true, text: refused.message });
    setComment('');
    setTried(false);
    setMessage({ error: false, text: `Recorded: ${STATE_LABELS[to]}, signed ${settings.reviewer}.` });
  };
  return (
    <form className="review-form" aria-label={`Review alert ${alert.title}`} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="review-moves">
        <legend>Move this {STATE_LABELS[alert.state].toLowerCase()} alert to</legend>
        {moves.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={`${id}-to`} value={m} checked={to === m} onChange={() => setTo(m)} />
            <span>{MOVE_LABELS[m]}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Comment <span className="alerts-dim">(required; kept in the journal with your name and the time)</span></span>
        <textarea
          rows={3} value={comment} maxLength={MAX_COMMENT_LENGTH} required aria-required="true" aria-invalid={tried && missing}
          aria-describedby={message?.error === true ? `${id}-message` : undefined}
          onChange={(e) => { setComment(e.target.value); setMessage(null); }}
        />
      </label>
      <div className="field-inline">
        <button type="submit" className="button is-primary" disabled={busy}>{MOVE_LABELS[to]}</button>
        <span className="alerts-dim">Signed as <strong>{settings.reviewer}</strong> (Settings → Surveillance)</span>
      </div>
      {message === null ? null : <p id={`${id}-message`} className={message.error ? 'form-error' : 'alerts-dim'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}

/** No reviewer name yet: asked for once, saved by main, then the review form shows. */
function ReviewerName({ api }: { readonly api: FillwatchApi }) {
  const setReviewer = useSurveillanceStore((s) => s.setReviewer);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError('Enter the name your reviews are signed with.');
    const refused = await setReviewer(api, name);
    setError(refused?.message ?? null);
  };
  return (
    <form className="review-form" aria-label="Who signs reviews" onSubmit={(e) => void save(e)} noValidate>
      <p>Reviews are signed with your name and kept in the journal. Enter it once (it can be changed in Settings → Surveillance).</p>
      <label className="field"><span>Reviewer name</span><input value={name} onChange={(e) => { setName(e.target.value); setError(null); }} autoComplete="name" aria-invalid={error !== null} /></label>
      {error === null ? null : <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions"><button type="submit" className="button is-primary">Save name</button></div>
    </form>
  );
}
