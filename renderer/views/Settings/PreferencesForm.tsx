// PreferencesForm.tsx — Settings → Display: theme and the time zone for times and "by day" totals.
// Applied as soon as chosen (no Save): they change only how things look.
import { useId, useState } from 'react';
import { effectiveTimeZone, usePreferences, type ThemeChoice } from '../../state/preferences-store.ts';
import { isTimeZone } from './rules-form.ts';

const THEMES: readonly { readonly value: ThemeChoice; readonly label: string }[] = [
  { value: 'system', label: 'Like the system' }, { value: 'dark', label: 'Dark' }, { value: 'light', label: 'Light' },
];
const ZONES = ['local', 'UTC', 'America/New_York', 'America/Chicago', 'Europe/London'];

export function PreferencesForm() {
  const theme = usePreferences((s) => s.theme);
  const timeZone = usePreferences((s) => s.timeZone);
  const set = usePreferences((s) => s.set);
  const [zoneText, setZoneText] = useState(timeZone);
  const id = useId();
  const zoneValid = zoneText === 'local' || isTimeZone(zoneText);
  return (
    <section className="account-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="settings-heading">Display</h2>
      <fieldset className="field-group">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label className="choice" key={t.value}>
            <input type="radio" name={`${id}-theme`} checked={theme === t.value} onChange={() => set({ theme: t.value })} />
            <span>{t.label}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Time zone for times and "by day" totals <span className="settings-dim">— now {effectiveTimeZone(timeZone)}</span></span>
        <input
          list={`${id}-zones`} value={zoneText} spellCheck={false} aria-invalid={!zoneValid}
          onChange={(e) => { setZoneText(e.target.value); if (e.target.value === 'local' || isTimeZone(e.target.value)) set({ timeZone: e.target.value.trim() }); }}
        />
        <datalist id={`${id}-zones`}>{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
      </label>
      {zoneValid ? null : <p className="form-error" role="alert">"{zoneText}" is not a time zone; use a name like America/New_York, UTC or local.</p>}
    </section>
  );
}
