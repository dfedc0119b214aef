// SurveillanceSettings.tsx — Settings → Surveillance: the reviewer's name (main signs every review with
// it) and the rules document the recorder runs, edited as a form (the common parameters) or as JSON.
// Main validates with the engine's own schema; a refusal names the field, which is marked and focused.
// A saved document is a new version and takes effect in the running recorder (or, if the engine cannot
// take it live, at the next start: the status line says which).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FillwatchApi } from '../../../shared/ipc/fillwatch-api.ts';
import { useSurveillanceStore } from '../../state/surveillance-store.ts';
import { RulesFormSections } from './RulesFormSections.tsx';
import { documentFromForm, formFromRules, type SurveillanceRulesForm } from './surveillance-form.ts';
import './SurveillanceSettings.css';

type Mode = 'form' | 'json';

export function SurveillanceSettings({ api }: { readonly api: FillwatchApi }) {
  const id = useId();
  const settings = useSurveillanceStore((s) => s.settings);
  const loadError = useSurveillanceStore((s) => s.loadError);
  const { load, setReviewer, setRules } = useSurveillanceStore.getState();
  const [reviewer, setReviewerText] = useState('');
  const [reviewerNote, setReviewerNote] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState<SurveillanceRulesForm | null>(null);
  const [json, setJson] = useState('');
  const [refusal, setRefusal] = useState<{ readonly field: string | null; readonly message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const root = useRef<HTMLFormElement>(null);
  useEffect(() => { void load(api); }, [api, load]);
  // Main's answer is what the form shows (after a load and after each save).
  useEffect(() => {
    if (settings === null) return;
    setReviewerText(settings.reviewer ?? '');
    setForm(formFromRules(settings.rules.document));
    setJson(settings.rules.text);
  }, [settings]);
  // A refused field takes the focus, so the keyboard lands where the fix goes.
  useEffect(() => {
    if (refusal === null || refusal.field === null || refusal.field === '') return;
    root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(refusal.field)}"], [data-field^="${CSS.escape(refusal.field)}."]`)?.focus();
  }, [refusal]);

  if (settings === null || form === null) {
    return loadError === null ? <p className="settings-note">Reading the surveillance settings…</p> : <p className="form-error" role="alert">Surveillance settings could not be read: {loadError.message}</p>;
  }
  const saveReviewer = async (event: FormEvent) => {
    event.preventDefault();
    const refused = await setReviewer(api, reviewer);
    setReviewerNote(refused === null ? { error: false, text: reviewer.trim() === '' ? 'Cleared: reviews are refused until a name is set.' : 'Saved.' } : { error: true, text: refused.message });
  };
  const saveRules = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const text = mode === 'json' ? json : JSON.stringify(documentFromForm(form, settings.rules.document), null, 2);
    const refused = await setRules(api, text);
    setRefusal(refused);
    if (refused === null) setSaved('Saved.');
  };
  const rules = settings.rules;
  const status = `Version ${rules.document.version} · ${rules.source === 'default' ? 'the default rules (no rules.json yet)' : 'rules.json'}${rules.applied ? ' · running now' : ' · applies when Fillwatch next starts'}`;
  const messageId = `${id}-refusal`;

  return (
    <section className="account-form surveillance-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="settings-heading">Surveillance</h2>
      <form onSubmit={(e) => void saveReviewer(e)} noValidate>
        <div className="field-row">
          <label className="field"><span>Reviewer name <span className="settings-dim">— signs every review you make in the Alerts view</span></span>
            <input value={reviewer} onChange={(e) => { setReviewerText(e.target.value); setReviewerNote(null); }} autoComplete="name" placeholder="e.g. Dana Reyes" />
          </label>
          <div className="field"><button type="submit" className="button">Save name</button></div>
        </div>
        {reviewerNote === null ? null : <p className={reviewerNote.error ? 'form-error' : 'settings-dim'} role={reviewerNote.error ? 'alert' : 'status'}>{reviewerNote.text}</p>}
      </form>
      <form ref={root} onSubmit={(e) => void saveRules(e)} noValidate aria-labelledby={`${id}-rules`}>
        <h3 id={`${id}-rules`} className="settings-subheading">Rules</h3>
        <p className="settings-dim" data-testid="rules-status">{status}</p>
        {rules.problem === null ? null : <p className="form-error" role="alert">{rules.problem}</p>}
        <div className="field-inline" role="radiogroup" aria-label="Edit the rules as">
          <label className="choice"><input type="radio" name={`${id}-mode`} checked={mode === 'form'} onChange={() => { setMode('form'); setRefusal(null); }} /><span>Form (common parameters)</span></label>
          <label className="choice"><input type="radio" name={`${id}-mode`} checked={mode === 'json'} onChange={() => { setJson(JSON.stringify(documentFromForm(form, rules.document), null, 2)); setMode('json'); setRefusal(null); }} /><span>JSON (the whole document)</span></label>
        </div>
        {mode === 'form' ? <RulesFormSections form={form} onChange={(next) => { setForm(next); setSaved(null); }} refusal={{ field: refusal?.field ?? null, messageId }} /> : (
          <label className="field"><span>rules.json <span className="settings-dim">— README "Surveillance rules" lists every field</span></span>
            <textarea value={json} onChange={(e) => { setJson(e.target.value); setSaved(null); }} rows={24} spellCheck={false} aria-invalid={refusal !== null} aria-describedby={refusal === null ? undefined : messageId} />
          </label>
        )}
        {refusal === null ? null : <p id={messageId} className="form-error" role="alert">Not saved: {refusal.message}</p>}
        {saved === null ? null : <p className="settings-dim" role="status">{saved} {status}.</p>}
        <div className="form-actions">
          <button type="submit" className="button is-primary">Save surveillance rules</button>
          <button type="button" className="button" onClick={() => { setForm(formFromRules(rules.document)); setJson(rules.text); setRefusal(null); setSaved(null); }}>Discard changes</button>
        </div>
      </form>
    </section>
  );
}
